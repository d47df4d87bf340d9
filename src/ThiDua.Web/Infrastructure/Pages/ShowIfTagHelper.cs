using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ThiDua.Web.Infrastructure.Pages;

/// <summary>
/// <c>&lt;a href="/gop-y" show-if="@Policies.Feedback"&gt;</c>: the element is rendered only when the viewer's
/// policy allows it, so a page never shows a link its reader would follow into a refusal (403, or the login page for
/// a visitor). Put the policy of the link's target page, the one its <c>[Authorize]</c> names.
/// </summary>
[HtmlTargetElement(Attributes = AttributeName)]
public sealed class ShowIfTagHelper(IAuthorizationService authorization) : TagHelper
{
    private const string AttributeName = "show-if";

    [HtmlAttributeName(AttributeName)]
    public string Policy { get; set; } = "";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        if (!(await authorization.AuthorizeAsync(ViewContext.HttpContext.User, Policy)).Succeeded)
        {
            output.SuppressOutput();
        }
    }
}
