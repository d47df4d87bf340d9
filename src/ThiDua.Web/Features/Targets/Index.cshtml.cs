using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Core.Targets;

namespace ThiDua.Web.Features.Targets;

/// <summary>The targets dashboard by area: latest value, goals, status colour and a small chart against the trajectory.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(TargetService targets, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "nam")]
    public int? YearQuery { get; set; }

    public int Year { get; private set; }
    public IReadOnlyList<TargetDto> Targets { get; private set; } = [];
    public IReadOnlyList<(TargetStatus Status, int Count)> Counts { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Year = YearQuery is (>= 2000 and <= 2100) ? YearQuery.Value : VietnamTime.Today(clock).Year;
        Targets = await targets.AllAsync(Year);
        Counts = Enum.GetValues<TargetStatus>().Select(s => (s, Targets.Count(t => t.Status == s))).ToList();
    }
}
