using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Core.Movements;
using ThiDua.Web.Data.Seed;
using ThiDua.Web.Features.Movements;

namespace ThiDua.Web.Features.Public;

/// <summary>The movement and its calendar for everyone (R3, R5): phases with today's place, milestones, this year's deadlines.</summary>
[Authorize(Policy = Policies.Public)]
public sealed class MovementModel(MovementService movements) : PageModel
{
    public MovementDto Movement { get; private set; } = null!;
    public DateOnly ReportDeadline { get; private set; }
    public DateOnly ConsolidatedDeadline { get; private set; }
    public int Span { get; private set; }
    public double TodayPosition { get; private set; }

    public async Task OnGetAsync()
    {
        Movement = await movements.GetAsync(MovementSeeder.Code, HttpContext.RequestAborted);
        ReportDeadline = AnnualDay.Parse(Movement.ReportDeadline).In(Movement.Today.Year);
        ConsolidatedDeadline = AnnualDay.Parse(Movement.ConsolidatedDeadline).In(Movement.Today.Year);
        Span = Math.Max(1, Movement.EndDate.DayNumber - Movement.StartDate.DayNumber + 1);
        TodayPosition = Math.Clamp((Movement.Today.DayNumber - Movement.StartDate.DayNumber) * 100.0 / Span, 0, 100);
    }
}
