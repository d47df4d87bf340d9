using ThiDua.Web.Features.Initiatives;

namespace ThiDua.Web.Features.Public;

/// <summary>One published initiative or model for everyone; anything not published is not there (404).</summary>
[Authorize(Policy = Policies.Public)]
public sealed class InitiativeModel(PublishedInitiatives published) : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
{
    public OpenInitiativeDto Initiative { get; private set; } = null!;

    public async Task OnGetAsync(int id) => Initiative = await published.GetAsync(id);
}
