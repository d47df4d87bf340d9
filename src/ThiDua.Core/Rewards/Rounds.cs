using ThiDua.Core.Calendar;
using ThiDua.Core.Errors;

namespace ThiDua.Core.Rewards;

/// <summary>
/// The review rounds of the 2022–2025 movement (section IV.3): every year units reward within their own authority;
/// the mid-term review ("sơ kết", Q4/2023) looks back on 2022–2023 and the final review ("tổng kết", Q4/2025) on
/// 2022–2025. Which year a round stands for, which DTI result and which tasks it judges, and which awards it allows,
/// are decided here and nowhere else.
/// </summary>
public static class Rounds
{
    /// <summary>The year a nomination of <paramref name="round"/> belongs to: the review's year, or the year the unit asked for.</summary>
    public static int YearOf(NominationRound round, int? requestedYear) => round switch
    {
        NominationRound.Midterm => 2023,
        NominationRound.Final => 2025,
        _ => requestedYear ?? throw DomainException.ForField("year", "Khen thưởng hằng năm cần năm (year)."),
    };

    /// <summary>An annual round cannot be for a year that has not begun.</summary>
    public static void EnsureNotFuture(NominationRound round, int year, DateOnly today)
    {
        if (round == NominationRound.Annual && year > today.Year)
        {
            throw DomainException.ForField("year", $"Năm {year} chưa đến.");
        }
    }

    /// <summary>The year whose DTI result a unit is judged on: the round's year, 2023 at mid-term, 2025 at the final review.</summary>
    public static int DtiYear(NominationRound round, int year) => round switch
    {
        NominationRound.Midterm => 2023,
        NominationRound.Final => 2025,
        _ => year,
    };

    /// <summary>The phase whose tasks count: 2022–2023 at mid-term, 2022–2025 at the final review, the calendar year otherwise.</summary>
    public static Phase TaskPhase(NominationRound round, int year) => round switch
    {
        NominationRound.Midterm => Phases.Midterm,
        NominationRound.Final => Phases.Final,
        _ => Phases.Year(year),
    };

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

    /// <summary>"Năm 2024" for an annual round, the review's name otherwise.</summary>
    public static string Name(NominationRound round, int year) => round == NominationRound.Annual ? $"Năm {year}" : round.VietnameseName();
}
