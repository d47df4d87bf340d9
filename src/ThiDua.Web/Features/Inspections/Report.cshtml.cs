using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ThiDua.Web.Features.Inspections;

/// <summary>The report of a plan: a printable page of its findings and recommendations, and the same rows as CSV.</summary>
[Authorize(Policy = Policies.Inspections)]
public sealed class ReportModel(InspectionService inspections, TimeProvider clock) : PageModel
{
    public InspectionDto Plan { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(int id)
    {
        Plan = await inspections.GetAsync(id);
        Today = VietnamTime.Today(clock);
    }
}
