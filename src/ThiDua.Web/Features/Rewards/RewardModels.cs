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
    int Version);

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

    [Required, MinLength(1)]
    public List<string> MemberUserNames { get; init; } = [];

    /// <summary>The pass share: a nomination needs more than this share of yes votes (default 0.5).</summary>
    [Range(0.0, 1.0)]
    public double? Threshold { get; init; }

    /// <summary>The quorum as a share of members (default 2/3).</summary>
    [Range(0.0, 1.0)]
    public double? Quorum { get; init; }

    /// <summary>Count the pass share on all members rather than on those present.</summary>
    public bool? PassOfMembers { get; init; }
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

public sealed record SessionResultDto(int Members, int Present, bool QuorumMet, double QuorumFraction, double PassFraction, bool PassOfMembers, IReadOnlyList<TallyDto> Tallies, IReadOnlyList<int> PassedNominations);

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
    string? NoticeWaiverReason, IReadOnlyList<RewardDto> Rewards);

public sealed record RewardDto(int Id, AwardLevel Award, NominationRound Round, int Year, NomineeKind NomineeKind, string? UnitCode, string? UnitName,
    string? PersonFullName, string? PersonPosition, string? PersonOrganization, DateOnly? PersonDateOfBirth, string DecisionNumber, DateOnly DecisionDate, string SignerName, string SignerTitle, string Achievements);

public sealed record RewardStatistic(AwardLevel Award, NomineeKind NomineeKind, int Count);

public sealed record RewardStatistics(int Year, int Decisions, int Total, IReadOnlyList<RewardStatistic> ByAwardAndKind);

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
