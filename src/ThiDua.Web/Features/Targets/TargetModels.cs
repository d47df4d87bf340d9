using System.ComponentModel.DataAnnotations;
using ThiDua.Core.Targets;

namespace ThiDua.Web.Features.Targets;

public sealed record BaselineDto(int Year, double Value, string? Source);

public sealed record GoalDto(int Year, double Value, double? Max, bool Milestone);

/// <summary>A measured value: <c>sourceUrl</c> and <c>sourceDate</c> (ISO date) say where and when it was published, when known.</summary>
public sealed record MeasurementDto(int Year, double Value, string Source, string? Note, DateTime RecordedAt, string? RecordedBy, string? SourceUrl = null, DateOnly? SourceDate = null);

public sealed record GoalProgressDto(int Year, double Goal, double? Max, bool Milestone, double? Expected, double? Progress, TargetStatus Status);

public sealed record LatestDto(int Year, double Value);

/// <summary>A target as API.md has it, with its goals (2025, 2030, milestones), every measurement and its status now.</summary>
public sealed record TargetDto(
    string Code,
    string Text,
    TargetArea Area,
    TargetUnit Unit,
    TargetDirection Direction,
    TargetQualifier Qualifier,
    BaselineDto? Baseline,
    IReadOnlyList<GoalDto> Targets,
    IReadOnlyList<MeasurementDto> Measurements,
    TargetStatus Status,
    LatestDto? Latest,
    IReadOnlyList<GoalProgressDto> Progress,
    string? Source,
    string? Note,
    IReadOnlyList<string> ResponsibleUnitCodes,
    int Version);

public sealed record TargetProgressItem(string Code, string Text, TargetArea Area, TargetUnit Unit, TargetDirection Direction, LatestDto? Latest, TargetStatus Status, IReadOnlyList<GoalProgressDto> Goals);

public sealed record ProgressReport(int Year, IReadOnlyDictionary<string, int> ByStatus, IReadOnlyList<TargetProgressItem> Items);

public sealed class MeasurementRequest
{
    [Required]
    public int? Year { get; init; }

    [Required]
    public double? Value { get; init; }

    [Required, StringLength(1000, MinimumLength = 2)]
    public string Source { get; init; } = "";

    [StringLength(2000)]
    public string? Note { get; init; }

    /// <summary>Where the source can be read: an absolute http(s) address.</summary>
    [StringLength(1000)]
    public string? SourceUrl { get; init; }

    /// <summary>When the source was published.</summary>
    public DateOnly? SourceDate { get; init; }
}

public sealed class GoalRequest
{
    [Required, Range(2000, 2100)]
    public int? Year { get; init; }

    [Required]
    public double? Value { get; init; }

    public double? Max { get; init; }

    public bool Milestone { get; init; }
}

public sealed class BaselineRequest
{
    [Required, Range(2000, 2100)]
    public int? Year { get; init; }

    [Required]
    public double? Value { get; init; }

    [StringLength(512)]
    public string? Source { get; init; }
}

public sealed class CreateTargetRequest
{
    [Required, StringLength(64, MinimumLength = 2)]
    public string Code { get; init; } = "";

    [Required, StringLength(2000, MinimumLength = 5)]
    public string Text { get; init; } = "";

    [Required]
    public TargetArea? Area { get; init; }

    [Required]
    public TargetUnit? Unit { get; init; }

    public TargetDirection Direction { get; init; } = TargetDirection.Up;

    public TargetQualifier Qualifier { get; init; } = TargetQualifier.Reach;

    [Required, MinLength(1)]
    public List<GoalRequest> Targets { get; init; } = [];

    public BaselineRequest? Baseline { get; init; }

    [StringLength(512)]
    public string? Source { get; init; }

    [StringLength(2000)]
    public string? Note { get; init; }
}

public sealed class UpdateTargetRequest
{
    public BaselineRequest? Baseline { get; init; }

    public List<string>? ResponsibleUnitCodes { get; init; }

    [StringLength(2000)]
    public string? Note { get; init; }

    public int? Version { get; init; }
}
