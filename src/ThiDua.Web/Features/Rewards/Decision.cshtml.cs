using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ThiDua.Web.Features.Rewards;

/// <summary>One reward decision with the collectives and individuals it rewards.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DecisionModel(DecisionService decisions) : PageModel
{
    public DecisionDto Decision { get; private set; } = null!;

    public async Task OnGetAsync(int id) => Decision = await decisions.GetAsync(id);
}
