using System.ComponentModel.DataAnnotations;
using ThiDua.Core.Rewards;
using ThiDua.Web.Infrastructure.Files;

namespace ThiDua.Web.Features.Rewards;

public sealed class PersonRequest
{
    [Required, StringLength(256, MinimumLength = 2)]
    public string FullName { get; init; } = "";

    [StringLength(256)]
    public string? Position { get; init; }

    [StringLength(256)]
    public string? Organization { get; init; }

    public DateOnly? DateOfBirth { get; init; }

    /// <summary>"nam", "nữ" or empty.</summary>
    [StringLength(16)]
    public string? Gender { get; init; }
}

public sealed class NominationRequest
{
    [Required, StringLength(64)]
    public string MovementCode { get; init; } = "";

    [Required]
    public NominationRound? Round { get; init; }

    [Range(2000, 2100)]
    public int? Year { get; init; }

    [Required]
    public NomineeKind? NomineeKind { get; init; }

    /// <summary>The nominee for kind unit or enterprise.</summary>
    [StringLength(64)]
    public string? UnitCode { get; init; }

    /// <summary>The proposing unit when it differs from the nominee or the caller's unit (the Reward Board proposing for others).</summary>
    [StringLength(64)]
    public string? ProposingUnitCode { get; init; }

    public PersonRequest? Person { get; init; }

    [Required]
    public AwardLevel? Award { get; init; }

    [Required, StringLength(20000, MinimumLength = 10)]
    public string Achievements { get; init; } = "";

    public int? Version { get; init; }
}

public sealed class ReasonRequest
{
    [Required, StringLength(4000, MinimumLength = 3)]
    public string Reason { get; init; } = "";
}

public sealed class CriterionEntry
{
    [Required, StringLength(64)]
    public string Code { get; init; } = "";

    public bool Checked { get; init; }

    [StringLength(2000)]
    public string? Note { get; init; }
}

public sealed class NoticeRequest
{
    [Range(1, 60)]
    public int? WorkingDays { get; init; }
}

public sealed record PersonDto(string FullName, string? Position, string? Organization, DateOnly? DateOfBirth, string? Gender);

public sealed record StepDto(DateTime At, string? UserName, NominationStatus? From, NominationStatus To, string? Reason);

public sealed record DocumentDto(int Id, DocumentKind Kind, int VersionNumber, FileDto File, DateTime UploadedAt, string? UploadedBy);

public sealed record CriterionDto(string Code, string Text, bool Mandatory, bool Checked, string? Note, string? CheckedBy);

public sealed record NominationDto(
    int Id,
    string MovementCode,
    NominationRound Round,
    int Year,
    NomineeKind NomineeKind,
    string? UnitCode,
    string NomineeName,
    string ProposingUnitCode,
    string ProposingUnitName,
    PersonDto? Person,
    AwardLevel Award,
    string Achievements,
    NominationStatus Status,
    IReadOnlyList<DocumentKind> MissingDocuments,
    IReadOnlyList<DocumentDto> Documents,
    IReadOnlyList<CriterionDto> Criteria,
    IReadOnlyList<StepDto> Steps,
    DateOnly? NoticeStart,
    DateOnly? NoticeEnd,
    int? CouncilSessionId,
    int? DecisionId,
    string? RejectionReason,
    int Version);

/// <summary>A row of the nomination list: who is proposed for what, by whom, and where the dossier stands (no personal data).</summary>
public sealed record NominationSummary(
    int Id,
    string MovementCode,
    NominationRound Round,
    int Year,
    NomineeKind NomineeKind,
    string? UnitCode,
    string NomineeName,
    string ProposingUnitCode,
    string ProposingUnitName,
    AwardLevel Award,
    NominationStatus Status,
    IReadOnlyList<DocumentKind> MissingDocuments,
    DateOnly? NoticeStart,
    DateOnly? NoticeEnd,
    int? CouncilSessionId,
    int? DecisionId,
    int Version)
{
    /// <summary>When the dossier reached its status (its last step).</summary>
    public DateTime? StepSince { get; init; }

    /// <summary>The last day of the step it waits on, from the rule set's time limit in working days; null without a limit.</summary>
    public DateOnly? StepDueBy { get; init; }

    /// <summary>True when that day has passed.</summary>
    public bool Overdue { get; init; }
}

/// <summary>What the signed-in user may do with one dossier now (the pages' buttons; the services check the same rules).</summary>
public sealed record NominationActions(bool IsBoard, bool CanEdit, bool CanSubmit, bool CanDecideOwn);

public sealed record EligibilityDto(bool Eligible, IReadOnlyList<EligibilityReason> Reasons);

public sealed class CouncilSessionRequest
{
    [Required]
    public DateOnly? Date { get; init; }

    [StringLength(512)]
    public string? Title { get; init; }

    [Required, MinLength(1)]
    public List<int> NominationIds { get; init; } = [];

    /// <summary>The standing council the session belongs to (default: the province's council in its term on the session's date).</summary>
    [StringLength(64)]
    public string? CouncilCode { get; init; }

    /// <summary>The members invited, when given: all must be members of the council. Every member of the council counts, invited or not.</summary>
    public List<string> MemberUserNames { get; init; } = [];

    /// <summary>A stricter pass share than the award's rule set (never a lower one).</summary>
    [Range(0.0, 1.0)]
    public double? Threshold { get; init; }

    /// <summary>A stricter quorum than the award's rule set (never a lower one).</summary>
    [Range(0.0, 1.0)]
    public double? Quorum { get; init; }
}

public sealed class VoteEntry
{
    [Required]
    public int? NominationId { get; init; }

    [Required]
    public BallotChoice? Choice { get; init; }
}

public sealed class BallotRequest
{
    [Required, MinLength(1)]
    public List<VoteEntry> Votes { get; init; } = [];
}

public sealed record SessionNominationDto(int Id, string NomineeName, AwardLevel Award, NominationStatus Status);

public sealed record SessionMemberDto(string UserName, string FullName, bool Voted);

public sealed record TallyDto(int NominationId, string NomineeName, int Yes, int No, int Abstain, bool Passed);

public sealed record SessionResultDto(int Members, int Present, bool QuorumMet, double QuorumFraction, double PassFraction, bool PassOfMembers, IReadOnlyList<TallyDto> Tallies, IReadOnlyList<int> PassedNominations)
{
    /// <summary>The council's members who did not vote, by name: recorded as absent in the minutes.</summary>
    public IReadOnlyList<string> Absent { get; init; } = [];
}

public sealed record CouncilSessionDto(int Id, DateOnly Date, string? Title, bool Closed, double QuorumFraction, double PassFraction, bool PassOfMembers,
    IReadOnlyList<SessionMemberDto> Members, IReadOnlyList<SessionNominationDto> Nominations, SessionResultDto? Result, int Version);

public sealed class DecisionRequest
{
    /// <summary>"05/QĐ-UBND" or "5"; omitted: the next number of the issuing body's year.</summary>
    [StringLength(64)]
    public string? Number { get; init; }

    [Required]
    public DateOnly? Date { get; init; }

    [Required, StringLength(256, MinimumLength = 2)]
    public string SignerName { get; init; } = "";

    [Required, StringLength(256, MinimumLength = 2)]
    public string SignerTitle { get; init; } = "";

    [Required, MinLength(1)]
    public List<int> NominationIds { get; init; } = [];

    [StringLength(2000)]
    public string? NoticeWaiverReason { get; init; }
}

public sealed record DecisionDto(int Id, string Number, string IssuingBody, DateOnly Date, string SignerName, string SignerTitle, Guid? DocumentId, Guid? DocxDocumentId,
    string? NoticeWaiverReason, IReadOnlyList<RewardDto> Rewards)
{
    /// <summary>Who decided: "Chủ tịch UBND tỉnh", the issuing unit's head, or the President / the Prime Minister for a central decision.</summary>
    public string? Issuer { get; init; }

    /// <summary>True for a central decision recorded after the province's proposal.</summary>
    public bool Central { get; init; }

    /// <summary>The reward money of the whole decision, in đồng.</summary>
    public decimal? TotalMoney { get; init; }
}

public sealed record RewardDto(int Id, AwardLevel Award, NominationRound Round, int Year, NomineeKind NomineeKind, string? UnitCode, string? UnitName,
    string? PersonFullName, string? PersonPosition, string? PersonOrganization, DateOnly? PersonDateOfBirth, string DecisionNumber, DateOnly DecisionDate, string SignerName, string SignerTitle, string Achievements)
{
    /// <summary>Who decided the award (the history's "issuer").</summary>
    public string? Issuer { get; init; }

    /// <summary>Coefficient of the base salary, and the money in đồng, from the rule set and the base salary in force on the decision's date.</summary>
    public double? MoneyCoefficient { get; init; }

    public decimal? MoneyAmount { get; init; }
}

public sealed record RewardStatistic(AwardLevel Award, NomineeKind NomineeKind, int Count)
{
    /// <summary>The reward money of these rewards, in đồng.</summary>
    public decimal Money { get; init; }
}

public sealed record RewardStatistics(int Year, int Decisions, int Total, IReadOnlyList<RewardStatistic> ByAwardAndKind)
{
    /// <summary>The reward money of the year, in đồng.</summary>
    public decimal Money => ByAwardAndKind.Sum(s => s.Money);
}

public sealed class PublicCommentRequest
{
    [StringLength(256)]
    public string? Name { get; init; }

    [StringLength(256)]
    public string? Contact { get; init; }

    [Required, StringLength(4000, MinimumLength = 5)]
    public string Body { get; init; } = "";
}

public sealed record PublicCommentDto(int Id, int NominationId, string? Name, string? Contact, string Body, DateTime CreatedAt, bool Read);

public sealed record NoticeDto(int NominationId, string NomineeName, NomineeKind NomineeKind, AwardLevel Award, NominationRound Round, int Year, string Achievements, DateOnly NoticeStart, DateOnly NoticeEnd);

/// <summary>Names and badges the pages show for the rewards' statuses and rounds.</summary>
public static class RewardDisplay
{
    public static string StatusBadge(NominationStatus status) => status switch
    {
        NominationStatus.Decided => "text-bg-success",
        NominationStatus.Rejected => "text-bg-danger",
        NominationStatus.Returned => "text-bg-warning",
        NominationStatus.PubliclyNoticed or NominationStatus.Voted => "text-bg-info",
        NominationStatus.Draft => "text-bg-secondary",
        _ => "text-bg-primary",
    };

    public static string RoundName(NominationRound round, int year) => Rounds.Name(round, year);

    public static string ChoiceName(BallotChoice choice) => choice switch
    {
        BallotChoice.Yes => "Đồng ý",
        BallotChoice.No => "Không đồng ý",
        _ => "Không biểu quyết",
    };
}

public sealed class StateProposalRequest
{
    [Required]
    public DateOnly? Date { get; init; }

    [Required, StringLength(256, MinimumLength = 2)]
    public string SignerName { get; init; } = "";

    [Required, StringLength(256, MinimumLength = 2)]
    public string SignerTitle { get; init; } = "";

    [Required, MinLength(1)]
    public List<int> NominationIds { get; init; } = [];
}

public sealed record StateProposalDto(int Id, string Number, DateOnly Date, string SignerName, string SignerTitle, Guid? DocumentId, Guid? DocxDocumentId, IReadOnlyList<int> NominationIds);

/// <summary>The President's or the Prime Minister's decision on a proposed state award.</summary>
public sealed class CentralDecisionRequest
{
    [Required, StringLength(64, MinimumLength = 1)]
    public string Number { get; init; } = "";

    [Required]
    public DateOnly? Date { get; init; }

    /// <summary>"Chủ tịch nước", "Thủ tướng Chính phủ".</summary>
    [Required, StringLength(256, MinimumLength = 3)]
    public string Issuer { get; init; } = "";

    [Required]
    public bool? Granted { get; init; }
}
