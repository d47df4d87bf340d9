using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ThiDua.Web.Infrastructure.Pages;

/// <summary>
/// <c>&lt;table-region label="Danh sách hồ sơ"&gt;&lt;table …&gt;&lt;/table-region&gt;</c>: a table wider than a phone
/// scrolls sideways inside its own box instead of widening the page. The box is a labelled region that takes the
/// keyboard's focus, so it can be scrolled with the arrow keys and a screen reader names it (axe-core's
/// scrollable-region-focusable; <c>EveryPageTests</c>). Every page's tables use it, one way for all.
/// </summary>
[HtmlTargetElement("table-region")]
public sealed class TableRegionTagHelper : TagHelper
{
    /// <summary>What the table lists, in Vietnamese: read out when the region takes the focus.</summary>
    [HtmlAttributeName("label")]
    public string Label { get; set; } = "";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (string.IsNullOrWhiteSpace(Label))
        {
            throw new InvalidOperationException("<table-region> needs a label that says what the table lists.");
        }
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        var classes = output.Attributes.TryGetAttribute("class", out var extra) ? $"table-responsive {extra.Value}" : "table-responsive";
        output.Attributes.SetAttribute("class", classes);
        output.Attributes.SetAttribute("tabindex", "0");
        output.Attributes.SetAttribute("role", "region");
        output.Attributes.SetAttribute("aria-label", Label);
    }
}
