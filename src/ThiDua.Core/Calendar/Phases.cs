using ThiDua.Core.Errors;

namespace ThiDua.Core.Calendar;

/// <summary>A review period of the movement (section V): tasks due in it are judged at its review.</summary>
public sealed record Phase(string Code, string Name, DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly day) => From <= day && day <= To;
}

/// <summary>The movement's review periods: mid-term (2022–2023, reviewed Q4/2023), final (2022–2025, Q4/2025), next (2026–2030).</summary>
public static class Phases
{
    public static readonly Phase Midterm = new("midterm", "Sơ kết 2022–2023", new DateOnly(2022, 1, 1), new DateOnly(2023, 12, 31));
    public static readonly Phase Final = new("final", "Tổng kết 2022–2025", new DateOnly(2022, 1, 1), new DateOnly(2025, 12, 31));
    public static readonly Phase Next = new("next", "Giai đoạn 2026–2030", new DateOnly(2026, 1, 1), new DateOnly(2030, 12, 31));
    public static readonly Phase All = new("all", "Tất cả", DateOnly.MinValue, DateOnly.MaxValue);

    public static readonly IReadOnlyList<Phase> Known = [Midterm, Final, Next, All];

    /// <summary>One calendar year as a phase (the tasks an annual round judges).</summary>
    public static Phase Year(int year) => new($"{year}", $"năm {year}", new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>The review period a day belongs to: mid-term up to 2023, final up to 2025, the next phase up to 2030; null outside them.</summary>
    public static Phase? Of(DateOnly day) =>
        Midterm.Contains(day) ? Midterm : Final.Contains(day) ? Final : Next.Contains(day) ? Next : null;

    /// <summary>The phase a year's consolidated report looks back on: the mid-term one up to 2023, the final one up to 2025, then the next.</summary>
    public static Phase ReportedIn(int year) => year <= 2023 ? Midterm : year <= 2025 ? Final : Next;

    public static Phase Parse(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return All;
        }
        return Known.FirstOrDefault(p => string.Equals(p.Code, code.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw DomainException.ForField("phase", $"Giai đoạn '{code}' không có; dùng midterm, final, next hoặc all.");
    }
}
