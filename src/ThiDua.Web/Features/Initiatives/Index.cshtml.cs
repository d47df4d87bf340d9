using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ThiDua.Web.Features.Initiatives;

/// <summary>Staff list of initiatives and models (R14), filtered like the API; a unit's staff see their unit's.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(InitiativeService initiatives, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "trang-thai")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "loai")]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "linh-vuc")]
    public string? Sector { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public PagedList<InitiativeSummary> Items { get; private set; } = new([], 0, 1, Paging.MaxSize);

    public bool CanCreate { get; private set; }

    public async Task OnGetAsync()
    {
        CanCreate = user.ActsForEveryUnit || user.IsUnitStaff;
        try
        {
            Items = await initiatives.ListAsync(new InitiativeQuery(null, Status, Kind, Sector, Q), Paging.FirstLargest);
        }
        catch (DomainException e)
        {
            // A filter typed into the address bar that names no status, kind or sector: say so and show the whole list.
            ModelState.AddModelError(string.Empty, e.Message);
            Items = await initiatives.ListAsync(new InitiativeQuery(), Paging.FirstLargest);
        }
    }
}
