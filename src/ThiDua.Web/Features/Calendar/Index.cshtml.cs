namespace ThiDua.Web.Features.Calendar;

/// <summary>
/// The working calendar of a year (ADR 015): the days off with why (the law, a substitute, the government's
/// arrangement) and the Saturdays worked; the Admin records next year's arrangement here when it is announced.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(CalendarService calendar, CurrentUser user, TimeProvider clock) : CommandPageModel
{
    [BindProperty(SupportsGet = true, Name = "nam")]
    public int? YearFilter { get; set; }

    public CalendarDto Calendar { get; private set; } = null!;
    public bool IsAdmin { get; private set; }
    public int Year => YearFilter ?? VietnamTime.Today(clock).Year;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync(DateOnly? date, CalendarDayKind? kind, string? name, string? source)
    {
        if (!await user.HasPolicyAsync(Policies.Admin))
        {
            return Forbid();
        }
        return await RunAsync(
            () => calendar.AddAsync(new CalendarDayRequest
            {
                Date = date ?? throw DomainException.ForField("date", "Cần ngày."),
                Kind = kind ?? CalendarDayKind.DayOff,
                Name = string.IsNullOrWhiteSpace(name) ? throw DomainException.ForField("name", "Cần tên hoặc lý do của ngày.") : name,
                Source = source,
            }),
            "Đã ghi vào lịch làm việc.", $"/lich-lam-viec?nam={date?.Year ?? Year}", LoadAsync);
    }

    public async Task<IActionResult> OnPostRemoveAsync(DateOnly? date)
    {
        if (!await user.HasPolicyAsync(Policies.Admin))
        {
            return Forbid();
        }
        return await RunAsync(
            () => calendar.RemoveAsync(date ?? throw DomainException.ForField("date", "Cần ngày.")),
            "Đã bỏ ngày khỏi lịch nghỉ.", $"/lich-lam-viec?nam={date?.Year ?? Year}", LoadAsync);
    }

    private async Task LoadAsync()
    {
        Calendar = await calendar.YearAsync(Year);
        IsAdmin = await user.HasPolicyAsync(Policies.Admin);
    }

    /// <summary>The rule in Vietnamese: "Nghỉ lễ, tết theo luật", "Nghỉ bù", "Theo phương án của Thủ tướng", "Khác".</summary>
    public static string RuleName(string rule) => rule switch
    {
        "statutory" => "Nghỉ lễ, tết (Bộ luật Lao động, Điều 112)",
        "substitute" => "Nghỉ bù (Điều 111)",
        "arrangement" => "Phương án nghỉ của Thủ tướng Chính phủ",
        _ => "Khác",
    };
}
