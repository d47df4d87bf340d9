using ThiDua.Core.Errors;

namespace ThiDua.Core.Rewards;

/// <summary>A nomination as a decision sees it.</summary>
public sealed record DecisionNominee(int Id, AwardLevel Award, int ProposingUnitId, NominationStatus Status, DateOnly? NoticeEnd);

/// <summary>Who issues a decision: the Chairman of the Provincial People's Committee, or one unit for its own certificates.</summary>
public sealed record DecisionIssuer(int? UnitId)
{
    public static readonly DecisionIssuer Province = new((int?)null);

    public bool IsProvince => UnitId is null;
}

/// <summary>
/// Reward decisions (R11, R13). The Chairman decides the Chairman's certificates (and, until the rules issue, the
/// state-award proposals) after the council and the public notice; a unit decides its own certificates from its
/// leader's submitted dossier. One decision is of one issuer; it is dated when it was signed, not later; and while
/// the public may still comment, it waits unless a reason is recorded.
/// </summary>
public static class DecisionRules
{
    /// <summary>The issuing body of the Chairman's decisions in the register: "05/QĐ-UBND".</summary>
    public const string ProvinceBody = "UBND";

    public static string Suffix(string issuingBody) => $"QĐ-{issuingBody}";

    public static DecisionIssuer IssuerOf(IReadOnlyCollection<DecisionNominee> nominations)
    {
        var own = nominations.Where(n => n.Award == AwardLevel.UnitCertificate).ToList();
        if (own.Count == 0)
        {
            return DecisionIssuer.Province;
        }
        if (own.Count < nominations.Count)
        {
            throw DomainException.ForField("nominationIds", "Một quyết định không gộp Giấy khen của đơn vị với Bằng khen của Chủ tịch UBND tỉnh.");
        }
        var units = own.Select(n => n.ProposingUnitId).Distinct().ToList();
        return units.Count == 1
            ? new DecisionIssuer(units[0])
            : throw DomainException.ForField("nominationIds", "Giấy khen của mỗi đơn vị do đơn vị đó quyết định; không gộp hồ sơ của nhiều đơn vị.");
    }

    /// <summary>A decision records what was signed: its date cannot be in the future.</summary>
    public static void EnsureSigned(DateOnly date, DateOnly today)
    {
        if (date > today)
        {
            throw DomainException.ForField("date", $"Ngày quyết định {date:dd/MM/yyyy} chưa đến; ghi quyết định sau khi đã ký.");
        }
    }

    /// <summary>
    /// A unit decides a dossier its leader submitted; the Chairman one that has been through the steps its award's rule set
    /// requires on the decision's date (the council, the notice) — <see cref="RewardRoute.ProvinceCanDecide"/>.
    /// </summary>
    public static void EnsureInStep(DecisionIssuer issuer, IReadOnlyCollection<DecisionNominee> nominations, IReadOnlyDictionary<AwardLevel, RewardRuleSet> rules)
    {
        var outOfStep = nominations.Where(n => issuer.IsProvince
            ? !RewardRoute.ProvinceCanDecide(rules[n.Award], n.Status)
            : n.Status != NominationStatus.Submitted).ToList();
        if (outOfStep.Count == 0)
        {
            return;
        }
        var list = string.Join(", ", outOfStep.Select(n => $"{n.Id} ({n.Status.VietnameseName()})"));
        throw new ConflictException(issuer.IsProvince
            ? $"Chỉ quyết định được hồ sơ đã qua các bước quy định của hình thức khen thưởng (tiếp nhận, Hội đồng, công khai khi quy định yêu cầu); hồ sơ {list} chưa ở bước đó."
            : $"Chỉ quyết định được hồ sơ lãnh đạo đơn vị đã trình; hồ sơ {list} chưa ở bước đó.");
    }

    /// <summary>
    /// The nominations whose public notice has not ended on the decision's date (or today): the public must have had its
    /// full time to comment, so deciding them needs a recorded reason (400 without one). Returns the waiver to record.
    /// </summary>
    public static (IReadOnlyList<DecisionNominee> StillNoticed, string? Waiver) CheckNotice(IReadOnlyCollection<DecisionNominee> nominations, DateOnly date, DateOnly today, string? waiverReason)
    {
        var waiver = string.IsNullOrWhiteSpace(waiverReason) ? null : waiverReason.Trim();
        var stillNoticed = nominations.Where(n => n.NoticeEnd is { } end && (end >= today || end >= date)).ToList();
        if (stillNoticed.Count > 0 && waiver is null)
        {
            throw DomainException.ForField("noticeWaiverReason",
                $"Thời gian công khai chưa hết ({string.Join("; ", stillNoticed.Select(n => $"hồ sơ {n.Id} đến hết {n.NoticeEnd:dd/MM/yyyy}"))}); muốn quyết định trước phải ghi lý do (noticeWaiverReason).");
        }
        return (stillNoticed, stillNoticed.Count > 0 ? waiver : null);
    }

    /// <summary>The step a decided nomination's route records.</summary>
    public static string StepReason(string number, DateOnly date, bool decidedDuringNotice, string? waiver) =>
        $"Quyết định số {number} ngày {date:dd/MM/yyyy}" + (decidedDuringNotice ? $"; quyết định trước khi hết thời gian công khai: {waiver}" : "");
}
