using ThiDua.Core.Errors;

namespace ThiDua.Core.Rewards;

/// <summary>When the public sees the nominees: never, before the council reviews them (state awards), or before the decision.</summary>
public enum NoticeTiming
{
    None,
    BeforeCouncil,
    BeforeDecision,
}

/// <summary>Who decides an award: the head of the unit (Giấy khen), the Chairman of the province, or the central level (state awards).</summary>
public enum IssuerLevel
{
    UnitHead,
    Province,
    Central,
}

/// <summary>Reward money as coefficients of the base salary in force on the decision's date; null where the rule set gives none.</summary>
public sealed record MoneyRule(double? PersonCoefficient, double? CollectiveCoefficient)
{
    public double? CoefficientFor(NomineeKind kind) => NominationRules.IsUnitNominee(kind) ? CollectiveCoefficient : PersonCoefficient;
}

/// <summary>
/// The rules of one award for a period, with the legal text they follow (R10–R13): who decides, whether the council
/// votes and by which shares of all its members, when the public sees the nominees and for how long, the dossier's
/// documents, the checklist, each step's time limit in working days, and the money. A decision uses the set valid on
/// its date; a change of law is a new set, never an edit of the old one.
/// </summary>
public sealed record RewardRuleSet(
    AwardLevel Award,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    string Source,
    IssuerLevel Issuer,
    bool RequiresCouncil,
    NoticeTiming NoticeWhen,
    int NoticeWorkingDays,
    double QuorumFraction,
    double PassFraction,
    bool PassOfMembers,
    IReadOnlyList<DocumentKind> RequiredDocuments,
    IReadOnlyList<RewardCriteria.Item> Criteria,
    IReadOnlyDictionary<string, int> StepTimeLimits,
    MoneyRule Money)
{
    public CouncilRules Council => new(QuorumFraction, PassFraction, PassOfMembers);

    public bool ValidOn(DateOnly day) => ValidFrom <= day && (ValidTo is not { } to || day <= to);

    /// <summary>The checklist items for a kind of nominee: the set's items named for that kind ("unit:", "individual:"…) or for all ("*:").</summary>
    public IReadOnlyList<RewardCriteria.Item> CriteriaFor(NomineeKind kind)
    {
        var prefix = $"{Text.ApiCodes.Code(kind)}:";
        return Criteria.Where(c => c.Code.StartsWith(prefix, StringComparison.Ordinal) || c.Code.StartsWith("*:", StringComparison.Ordinal))
            .Select(c => c with { Code = c.Code[(c.Code.IndexOf(':', StringComparison.Ordinal) + 1)..] })
            .ToList();
    }

    /// <summary>Every fault of a set an administrator proposes, by field; empty when it can be saved.</summary>
    public IReadOnlyDictionary<string, string[]> Faults()
    {
        var faults = new Dictionary<string, string[]>();
        if (ValidTo is { } to && to < ValidFrom)
        {
            faults["validTo"] = ["Ngày hết hiệu lực phải sau ngày có hiệu lực."];
        }
        if (string.IsNullOrWhiteSpace(Source))
        {
            faults["source"] = ["Cần căn cứ pháp lý của bộ quy tắc."];
        }
        if (QuorumFraction is <= 0 or > 1 || double.IsNaN(QuorumFraction))
        {
            faults["quorumFraction"] = ["Túc số là tỷ lệ thành viên từ 0 đến 1, ví dụ 0,6667."];
        }
        if (PassFraction is <= 0 or > 1 || double.IsNaN(PassFraction))
        {
            faults["passFraction"] = ["Tỷ lệ thông qua từ 0 đến 1, ví dụ 0,7."];
        }
        if (NoticeWhen != NoticeTiming.None && NoticeWorkingDays is < PublicNotice.MinWorkingDays or > PublicNotice.MaxWorkingDays)
        {
            faults["notice.workingDays"] = [$"Thời gian công khai từ {PublicNotice.MinWorkingDays} đến {PublicNotice.MaxWorkingDays} ngày làm việc."];
        }
        if (NoticeWhen == NoticeTiming.BeforeCouncil && !RequiresCouncil)
        {
            faults["notice.when"] = ["Công khai trước khi Hội đồng xét chỉ áp dụng khi hình thức này cần Hội đồng bỏ phiếu."];
        }
        if (StepTimeLimits.Any(s => s.Value is < 1 or > 365))
        {
            faults["stepTimeLimits"] = ["Thời hạn mỗi bước từ 1 đến 365 ngày làm việc."];
        }
        if (Money.PersonCoefficient is < 0 or > 100 || Money.CollectiveCoefficient is < 0 or > 100)
        {
            faults["money"] = ["Hệ số tiền thưởng từ 0 đến 100 lần mức lương cơ sở."];
        }
        if ((Award == AwardLevel.StateAward) != (Issuer == IssuerLevel.Central))
        {
            faults["issuer"] = ["Khen thưởng cấp Nhà nước do Trung ương quyết định; các hình thức khác do tỉnh hoặc thủ trưởng đơn vị quyết định."];
        }
        return faults;
    }

    /// <summary>The set valid on <paramref name="day"/> (400 when there is none: the award cannot be handled without its rules).</summary>
    public static RewardRuleSet InForce(IEnumerable<RewardRuleSet> sets, AwardLevel award, DateOnly day) =>
        sets.Where(s => s.Award == award && s.ValidOn(day)).OrderByDescending(s => s.ValidFrom).FirstOrDefault()
        ?? throw DomainException.ForField("award", $"Chưa có bộ quy tắc khen thưởng \"{award.VietnameseName()}\" hiệu lực ngày {day:dd/MM/yyyy}.");
}

/// <summary>
/// Which step of the route the rule set allows next (R12, R13): the council only where the set asks for it or the Board
/// chooses it; the public notice where the set places it (before the council for state awards, before the decision
/// otherwise); a decision by the province for its own awards, a proposal (Tờ trình) to the central level for state
/// awards. A step out of place is a conflict (409) that says what the rules require.
/// </summary>
public static class RewardRoute
{
    /// <summary>The council takes a received dossier; where the notice comes first, one whose notice has ended.</summary>
    public static void EnsureCanGoToCouncil(RewardRuleSet rules, NominationStatus status, DateOnly? noticeEnd, DateOnly today)
    {
        if (rules.NoticeWhen == NoticeTiming.BeforeCouncil)
        {
            if (status != NominationStatus.PubliclyNoticed || noticeEnd is not { } end || end >= today)
            {
                throw new ConflictException($"{rules.Award.VietnameseName()}: danh sách được công khai {rules.NoticeWorkingDays} ngày làm việc trước khi Hội đồng xét; hồ sơ chưa hết thời gian công khai.");
            }
            return;
        }
        if (status != NominationStatus.Received)
        {
            throw new ConflictException("Chỉ đưa ra Hội đồng hồ sơ đã được Ban Thi đua – Khen thưởng tiếp nhận.");
        }
    }

    /// <summary>The notice starts where the rules place it: from receipt when it comes before the council, after the council's vote (or receipt, without a council) otherwise.</summary>
    public static void EnsureCanStartNotice(RewardRuleSet rules, NominationStatus status)
    {
        var allowed = rules.NoticeWhen switch
        {
            NoticeTiming.BeforeCouncil => status == NominationStatus.Received,
            _ => status == NominationStatus.Voted || (!rules.RequiresCouncil && status == NominationStatus.Received),
        };
        if (!allowed)
        {
            throw new ConflictException(rules.NoticeWhen == NoticeTiming.BeforeCouncil
                ? "Hồ sơ khen thưởng cấp Nhà nước được công khai sau khi tiếp nhận, trước khi Hội đồng xét."
                : rules.RequiresCouncil ? "Chỉ công khai hồ sơ Hội đồng đã thông qua." : "Chỉ công khai hồ sơ đã được tiếp nhận hoặc Hội đồng đã thông qua.");
        }
    }

    /// <summary>The statuses from which the province may decide under <paramref name="rules"/>.</summary>
    public static bool ProvinceCanDecide(RewardRuleSet rules, NominationStatus status) => status switch
    {
        NominationStatus.PubliclyNoticed => true,
        NominationStatus.Voted => rules.NoticeWhen != NoticeTiming.BeforeDecision,
        NominationStatus.Received => !rules.RequiresCouncil && rules.NoticeWhen != NoticeTiming.BeforeDecision,
        _ => false,
    };

    /// <summary>A state award is proposed, not decided: after the council passed it (the notice having come before the council).</summary>
    public static void EnsureCanPropose(RewardRuleSet rules, NominationStatus status)
    {
        if (rules.Award != AwardLevel.StateAward)
        {
            throw DomainException.ForField("nominationIds", "Tờ trình đề nghị cấp trên chỉ dành cho khen thưởng cấp Nhà nước; Bằng khen, Giấy khen được quyết định tại tỉnh, đơn vị.");
        }
        var ready = status == NominationStatus.Voted || (!rules.RequiresCouncil && status is NominationStatus.Received or NominationStatus.PubliclyNoticed);
        if (!ready)
        {
            throw new ConflictException("Chỉ trình cấp trên hồ sơ đã được Hội đồng Thi đua – Khen thưởng thông qua.");
        }
    }

    /// <summary>The step a dossier waits on in each status, as the rule sets' <c>stepTimeLimits</c> name it: receive, appraise, decide.</summary>
    public static string? WaitingStep(NominationStatus status) => status switch
    {
        NominationStatus.Submitted => "receive",
        NominationStatus.Received => "appraise",
        NominationStatus.Voted or NominationStatus.PubliclyNoticed => "decide",
        _ => null,
    };

    /// <summary>The last day the waiting step may take: its limit in working days, counted from the day after the dossier reached its status; null without a limit.</summary>
    public static DateOnly? DueBy(RewardRuleSet rules, NominationStatus status, DateOnly since, Calendar.WorkingDays calendar) =>
        WaitingStep(status) is { } step && rules.StepTimeLimits.TryGetValue(step, out var days)
            ? calendar.AddWorkingDays(since.AddDays(1), days)
            : null;

    /// <summary>State awards are decided by the President or the Prime Minister: the province never records them as its own decision.</summary>
    public static void EnsureProvinceDecides(AwardLevel award)
    {
        if (award == AwardLevel.StateAward)
        {
            throw DomainException.ForField("nominationIds", "Khen thưởng cấp Nhà nước do Chủ tịch nước, Thủ tướng Chính phủ quyết định; tỉnh lập Tờ trình đề nghị (state-proposals), rồi ghi nhận quyết định của cấp trên.");
        }
    }
}
