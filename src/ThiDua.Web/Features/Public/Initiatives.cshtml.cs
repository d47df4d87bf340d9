using ThiDua.Web.Features.Initiatives;

namespace ThiDua.Web.Features.Public;

/// <summary>The public gallery of published initiatives and models (R14): featured first, by sector and kind. No login.</summary>
[Authorize(Policy = Policies.Public)]
public sealed class InitiativesModel(PublishedInitiatives published) : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
{
    public const int PageSize = 24;

    [BindProperty(SupportsGet = true, Name = "linh-vuc")]
    public string? Sector { get; set; }

    [BindProperty(SupportsGet = true, Name = "loai")]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "trang")]
    public int? PageNumber { get; set; }

    public PagedList<OpenInitiativeDto> Items { get; private set; } = new([], 0, 1, PageSize);

    public int PageCount => Math.Max(1, (Items.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync()
    {
        try
        {
            Items = await published.ListAsync(Kind, Sector, null, null, null, Paging.From(Math.Max(1, PageNumber ?? 1), PageSize));
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
            Items = await published.ListAsync(null, null, null, null, null, new Paging(1, PageSize));
        }
    }

    /// <summary>The address of another page of the gallery with the same filters.</summary>
    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?> { ["linh-vuc"] = Sector, ["loai"] = Kind, ["trang"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) }
        .Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
}
