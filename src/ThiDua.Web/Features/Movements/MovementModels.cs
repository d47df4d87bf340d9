using System.ComponentModel.DataAnnotations;
using ThiDua.Core.Movements;
using ThiDua.Core.Rewards;

namespace ThiDua.Web.Features.Movements;

public sealed record PhaseDto(string Code, string Name, DateOnly StartDate, DateOnly EndDate, bool Current);

/// <summary>A milestone with where today stands: done (its date passed), current (today in its window) or upcoming.</summary>
public sealed record MilestoneDto(string Code, string Title, string? Description, DateOnly? StartDate, DateOnly DueDate, string? PhaseCode, string State, int Version);

public sealed record MovementDto(
    string Code,
    string Name,
    string? DecisionNumber,
    DateOnly? DecisionDate,
    DateOnly StartDate,
    DateOnly EndDate,
    string ReportDeadline,
    string ConsolidatedDeadline,
    string? Description,
    DateOnly Today,
    string? CurrentPhase,
    MilestoneDto? NextMilestone,
    IReadOnlyList<PhaseDto> Phases,
    IReadOnlyList<MilestoneDto> Milestones,
    int Version)
{
    /// <summary>The review rounds, with what each judges (API.md "Rules in force").</summary>
    public IReadOnlyList<RoundDto> Rounds { get; init; } = [];

    /// <summary>strict or next_working_day: what the report deadline does when it falls on a day off.</summary>
    public DeadlineRule ReportDeadlineRule { get; init; }
}

/// <summary>A review round: its kind, year, review date, the DTI years it judges and the period of its tasks.</summary>
public sealed record RoundDto(string Code, NominationRound Kind, int Year, DateOnly ReviewDate, IReadOnlyList<int> DtiYears, IReadOnlyList<int> JudgedDtiYears,
    string? TaskPhase, DateOnly TaskPhaseFrom, DateOnly TaskPhaseTo, string Name);

public sealed class RoundRequest
{
    [StringLength(64)]
    public string? Code { get; init; }

    [Required]
    public NominationRound? Kind { get; init; }

    [Required, Range(2000, 2100)]
    public int? Year { get; init; }

    [Required]
    public DateOnly? ReviewDate { get; init; }

    /// <summary>The DTI years the round judges ("each of 2022–2024 Tốt"); omitted: the year before the review's year.</summary>
    public List<int>? DtiYears { get; init; }

    /// <summary>The code of one of the movement's phases whose tasks count; omitted: the round's year, or the movement's start to the round's year for a review.</summary>
    [StringLength(64)]
    public string? TaskPhase { get; init; }
}

public sealed class MovementRequest
{
    [Required, StringLength(64, MinimumLength = 2)]
    public string Code { get; init; } = "";

    [Required, StringLength(512, MinimumLength = 5)]
    public string Name { get; init; } = "";

    [StringLength(64)]
    public string? DecisionNumber { get; init; }

    public DateOnly? DecisionDate { get; init; }

    [Required]
    public DateOnly? StartDate { get; init; }

    [Required]
    public DateOnly? EndDate { get; init; }

    /// <summary>"MM-dd" (12-15) or "dd/MM" (15/12).</summary>
    [StringLength(5)]
    public string? ReportDeadline { get; init; }

    [StringLength(5)]
    public string? ConsolidatedDeadline { get; init; }

    [StringLength(4000)]
    public string? Description { get; init; }

    public List<PhaseRequest>? Phases { get; init; }

    public List<RoundRequest>? Rounds { get; init; }

    /// <summary>strict (default) or next_working_day.</summary>
    public DeadlineRule? ReportDeadlineRule { get; init; }

    public int? Version { get; init; }
}

public sealed class PhaseRequest
{
    [Required, StringLength(64)]
    public string Code { get; init; } = "";

    [Required, StringLength(256)]
    public string Name { get; init; } = "";

    [Required]
    public DateOnly? StartDate { get; init; }

    [Required]
    public DateOnly? EndDate { get; init; }
}

public sealed class MilestoneRequest
{
    [Required, StringLength(64, MinimumLength = 2)]
    public string Code { get; init; } = "";

    [Required, StringLength(1000, MinimumLength = 3)]
    public string Title { get; init; } = "";

    [StringLength(4000)]
    public string? Description { get; init; }

    public DateOnly? StartDate { get; init; }

    [Required]
    public DateOnly? DueDate { get; init; }

    [StringLength(64)]
    public string? PhaseCode { get; init; }

    public int? Version { get; init; }
}

public sealed class RegistrationRequest
{
    [Required, StringLength(64)]
    public string UnitCode { get; init; } = "";

    [Required]
    public DateOnly? LaunchedOn { get; init; }

    [StringLength(512)]
    public string? LaunchDocument { get; init; }

    public Guid? LaunchFileId { get; init; }

    [Required, MinLength(1)]
    public List<string> Commitments { get; init; } = [];
}

public sealed class LaunchRequest
{
    [Required, StringLength(64)]
    public string UnitCode { get; init; } = "";

    [Required]
    public DateOnly? LaunchedOn { get; init; }

    [Required, StringLength(512, MinimumLength = 3)]
    public string LaunchDocument { get; init; } = "";

    public Guid? LaunchFileId { get; init; }
}

public sealed record ParticipationDto(string UnitCode, string UnitName, DateOnly? LaunchedOn, string? LaunchDocument, Guid? LaunchFileId, DateTime? RegisteredAt, string? RegisteredBy, IReadOnlyList<string> Commitments, int Version);

public sealed record TypeStatus(string Type, int Total, int Launched, int Registered, IReadOnlyList<string> Missing);

/// <summary>The 100 % requirement of 2022 (section V.1): who launched and registered, and who is still missing.</summary>
public sealed record RegistrationStatus(DateOnly AsOf, int Total, int Launched, int Registered, IReadOnlyList<string> Missing, IReadOnlyList<TypeStatus> ByType);
