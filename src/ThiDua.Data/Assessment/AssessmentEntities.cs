using ThiDua.Core.Assessment;
using ThiDua.Core.Units;
using ThiDua.Data.Files;
using ThiDua.Data.Units;

namespace ThiDua.Data.Assessment;

/// <summary>
/// A DTI framework of one year and unit type. The tree is kept whole as JSON (it is read and written as one
/// document); a framework that an assessment uses is frozen, and a change to it makes a new framework that
/// <see cref="Supersedes"/> the old one.
/// </summary>
public class Framework : IVersioned
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int Year { get; set; }
    public UnitType UnitType { get; set; }
    public double ScaleMax { get; set; }
    public required string DefinitionJson { get; set; }
    public bool Illustrative { get; set; }
    /// <summary>1 for a first framework, n + 1 for the one that replaces revision n.</summary>
    public int Revision { get; set; } = 1;
    public string? Supersedes { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public int Version { get; set; }
}

/// <summary>Results of a framework as published by the Secretariat: a frozen snapshot with its SHA-256, the latest one public.</summary>
public class ResultPublication
{
    public int Id { get; set; }
    public int FrameworkId { get; set; }
    public Framework Framework { get; set; } = null!;
    public DateTime PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
    public required string SnapshotJson { get; set; }
    public required string Sha256 { get; set; }
    public int UnitCount { get; set; }
}

/// <summary>One unit's assessment with one framework.</summary>
public class UnitAssessment : IVersioned
{
    public int Id { get; set; }
    public int FrameworkId { get; set; }
    public Framework Framework { get; set; } = null!;
    public int UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
    public AssessmentStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTime? AppraisedAt { get; set; }
    public string? AppraisedBy { get; set; }
    public string? ReturnMessage { get; set; }
    public int Version { get; set; }
    public List<AssessmentValue> Values { get; set; } = [];
    public List<AssessmentEvent> Events { get; set; } = [];
}

/// <summary>
/// The unit's value of one indicator and the appraiser's. Values are kept as the JSON the API received (for
/// display) and as the engine's raw double; points are stored as scored at the time. Every change is in the
/// audit log with its old and new value.
/// </summary>
public class AssessmentValue : IVersioned
{
    public int Id { get; set; }
    public int AssessmentId { get; set; }
    public UnitAssessment Assessment { get; set; } = null!;
    public required string IndicatorCode { get; set; }
    public string? SelfValue { get; set; }
    public double? SelfRaw { get; set; }
    public double? SelfPoints { get; set; }
    public string? Note { get; set; }
    /// <summary>The unit's answer to a question the appraiser returned.</summary>
    public string? UnitResponse { get; set; }
    public string? AppraisedValue { get; set; }
    public double? AppraisedRaw { get; set; }
    public double? AppraisedPoints { get; set; }
    public AppraisalDecision Decision { get; set; }
    public string? AppraisalReason { get; set; }
    public string? ReturnMessage { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public int Version { get; set; }
    public List<AssessmentEvidence> Evidence { get; set; } = [];
}

public class AssessmentEvidence
{
    public int AssessmentValueId { get; set; }
    public AssessmentValue Value { get; set; } = null!;
    public Guid FileId { get; set; }
    public StoredFile File { get; set; } = null!;
}

/// <summary>A step of the assessment's life: who moved it from which status to which, when, and why.</summary>
public class AssessmentEvent
{
    public long Id { get; set; }
    public int AssessmentId { get; set; }
    public DateTime At { get; set; }
    public string? UserName { get; set; }
    public AssessmentStatus? From { get; set; }
    public AssessmentStatus To { get; set; }
    public string? Message { get; set; }
}
