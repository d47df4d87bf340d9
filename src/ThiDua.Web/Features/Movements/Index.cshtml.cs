using ThiDua.Core.Movements;
using ThiDua.Web.Data.Seed;

namespace ThiDua.Web.Features.Movements;

/// <summary>The movement's timeline (R3): phases with today's position, milestones, this year's deadlines.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(MovementService movements, CurrentUser user) : CommandPageModel
{
    public MovementDto Movement { get; private set; } = null!;
    public DateOnly ReportDeadline { get; private set; }
    public DateOnly ConsolidatedDeadline { get; private set; }
    public int Span { get; private set; }
    public double TodayPosition { get; private set; }
    public bool CanManage { get; private set; }

    public string DaysLeft(DateOnly deadline)
    {
        var days = deadline.DayNumber - Movement.Today.DayNumber;
        return days > 0 ? $"còn {days} ngày" : days == 0 ? "hôm nay" : "đã qua";
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostMilestoneAsync(string? code, string? title, string? dueDate)
    {
        if (!await user.HasPolicyAsync(Policies.Secretariat))
        {
            return Forbid();
        }
        return await RunAsync(async () =>
        {
            if (!DateInput.TryParse(dueDate, out var due) || string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(title))
            {
                throw DomainException.ForField("dueDate", "Cần mã, nội dung và hạn (dd/mm/yyyy) của mốc.");
            }
            await movements.SaveMilestoneAsync(MovementSeeder.Code, new MilestoneRequest { Code = code, Title = title, DueDate = due }, create: true);
            TempData["Message"] = "Đã thêm mốc.";
            return RedirectToPage();
        }, LoadAsync);
    }

    private async Task LoadAsync()
    {
        Movement = await movements.GetAsync(MovementSeeder.Code);
        ReportDeadline = AnnualDay.Parse(Movement.ReportDeadline).In(Movement.Today.Year);
        ConsolidatedDeadline = AnnualDay.Parse(Movement.ConsolidatedDeadline).In(Movement.Today.Year);
        Span = Math.Max(1, Movement.EndDate.DayNumber - Movement.StartDate.DayNumber + 1);
        TodayPosition = Math.Clamp((Movement.Today.DayNumber - Movement.StartDate.DayNumber) * 100.0 / Span, 0, 100);
        CanManage = await user.HasPolicyAsync(Policies.Secretariat);
    }
}
