using ThiDua.Core.Calendar;
using ThiDua.Core.Errors;

namespace ThiDua.Core.Rewards;

/// <summary>
/// A review round of a movement, as the Secretariat sets it up (data, not code): annual, mid-term ("sơ kết") or final
/// ("tổng kết"), its year and review date, the DTI years it judges units on (none named: the year before the review's
/// year) and the period whose tasks count (none named: the round's year for an annual round, from the movement's
/// start to the end of the round's year for a review).
/// </summary>
public sealed record ReviewRound(string Code, NominationRound Kind, int Year, DateOnly ReviewDate, IReadOnlyList<int> DtiYears, Phase TaskPhase)
{
    /// <summary>
    /// The years whose published DTI result a unit is judged on. A year's DTI is published months after it ends, so by
    /// default a review judges the latest year that can have a result: the one before the review's year (at the final
    /// review in Q4/2025, DTI 2024; at the mid-term review in Q4/2023, DTI 2022).
    /// </summary>
    public IReadOnlyList<int> JudgedDtiYears => DtiYears.Count > 0 ? DtiYears : [ReviewDate.Year - 1];

    /// <summary>"Năm 2024" for an annual round; "Sơ kết 2022–2023", "Tổng kết 2022–2025" for a review, from its task period.</summary>
    public string Name => Rounds.Name(Kind, Year, TaskPhase);
}

/// <summary>
/// The rules that hold for every round: which awards a round allows (section IV.3), that an annual round is not for a
/// year not begun, and which of a movement's rounds a nomination's round and year name.
/// </summary>
public static class Rounds
{
    /// <summary>The period a round's tasks are judged on when it does not name one.</summary>
    public static Phase DefaultTaskPhase(NominationRound kind, int year, DateOnly movementStart) => kind == NominationRound.Annual
        ? Phases.Year(year)
        : new Phase($"{movementStart.Year}-{year}", $"{movementStart.Year}–{year}", new DateOnly(movementStart.Year, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>The round a nomination names: its kind and year, or the only round of its kind when no year is given (400 otherwise).</summary>
    public static ReviewRound Find(IReadOnlyCollection<ReviewRound> rounds, NominationRound kind, int? year, string movementCode)
    {
        var ofKind = rounds.Where(r => r.Kind == kind).ToList();
        if (year is int y)
        {
            return ofKind.FirstOrDefault(r => r.Year == y)
                ?? throw DomainException.ForField("round", $"Phong trào {movementCode} không có đợt {KindName(kind).ToLowerInvariant()} năm {y}.");
        }
        return ofKind.Count switch
        {
            1 => ofKind[0],
            0 => throw DomainException.ForField("round", $"Phong trào {movementCode} không có đợt {KindName(kind).ToLowerInvariant()}."),
            _ => throw DomainException.ForField("year", $"Phong trào {movementCode} có nhiều đợt {KindName(kind).ToLowerInvariant()}; cần chọn năm."),
        };
    }

    /// <summary>An annual round cannot be for a year that has not begun.</summary>
    public static void EnsureNotFuture(NominationRound round, int year, DateOnly today)
    {
        if (round == NominationRound.Annual && year > today.Year)
        {
            throw DomainException.ForField("year", $"Năm {year} chưa đến.");
        }
    }

    /// <summary>
    /// Section IV.3: each year units reward within their own authority (their certificate); the Chairman's
    /// certificate and state awards are proposed at the mid-term and final reviews.
    /// </summary>
    public static bool Allows(NominationRound round, AwardLevel award) =>
        round != NominationRound.Annual || award == AwardLevel.UnitCertificate;

    public static void EnsureAllows(NominationRound round, AwardLevel award)
    {
        if (!Allows(round, award))
        {
            throw DomainException.ForField("award", "Khen thưởng hằng năm do cơ quan, đơn vị, địa phương xét theo thẩm quyền (Giấy khen); Bằng khen của Chủ tịch UBND tỉnh và khen thưởng cấp Nhà nước được đề nghị khi sơ kết, tổng kết (mục IV.3).");
        }
    }

    /// <summary>A round's code when the Secretariat does not give one: "final-2025", "annual-2024".</summary>
    public static string DefaultCode(NominationRound kind, int year) => $"{Text.ApiCodes.Code(kind)}-{year}";

    /// <summary>"Năm 2024" for an annual round; "Tổng kết 2022–2025" for a review with its task period, "Tổng kết năm 2025" without it.</summary>
    public static string Name(NominationRound kind, int year, Phase? taskPhase = null) => kind switch
    {
        NominationRound.Annual => $"Năm {year}",
        _ when taskPhase is { } phase && phase.From.Year < year => $"{KindName(kind)} {phase.From.Year}–{year}",
        _ => $"{KindName(kind)} năm {year}",
    };

    public static string KindName(NominationRound kind) => kind switch
    {
        NominationRound.Annual => "Hằng năm",
        NominationRound.Midterm => "Sơ kết",
        _ => "Tổng kết",
    };
}
