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
    /// <summary>
    /// The ranking without its items, as the API's JSON; its rows are <see cref="ResultRow"/>s of this publication
    /// (ADR 025). Null for a publication made before rows were stored, until its rows are written from the snapshot.
    /// </summary>
    public string? HeaderJson { get; set; }
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

    /// <summary>A new draft, with the first step of its history.</summary>
    public static UnitAssessment Start(Framework framework, Unit unit, string? userName, DateTime at)
    {
        var assessment = new UnitAssessment
        {
            FrameworkId = framework.Id,
            Framework = framework,
            UnitId = unit.Id,
            Unit = unit,
            Status = AssessmentStatus.Draft,
            CreatedAt = at,
            CreatedBy = userName,
        };
        assessment.Events.Add(new AssessmentEvent { At = at, UserName = userName, To = AssessmentStatus.Draft, Message = "Tạo đánh giá" });
        return assessment;
    }

    /// <summary>The value of an indicator (<paramref name="code"/> as the framework spells it), added when the unit has none yet.</summary>
    public AssessmentValue ValueFor(string code)
    {
        if (Find(code) is { } value)
        {
            return value;
        }
        value = new AssessmentValue { IndicatorCode = code };
        Values.Add(value);
        return value;
    }

    /// <summary>The value of an indicator if the unit gave one.</summary>
    public AssessmentValue? Find(string code) =>
        Values.FirstOrDefault(v => string.Equals(v.IndicatorCode, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>Submits, returns or finalises, recording the step; a step out of order is a conflict (409).</summary>
    public void MoveTo(AssessmentStatus to, string? userName, DateTime at, string? message = null)
    {
        switch (to)
        {
            case AssessmentStatus.Submitted:
                AssessmentWorkflow.EnsureCanSubmit(Status);
                SubmittedAt = at;
                SubmittedBy = userName;
                break;
            case AssessmentStatus.Returned:
                AssessmentWorkflow.EnsureCanAppraise(Status);
                ReturnMessage = message;
                break;
            case AssessmentStatus.Appraised:
                AssessmentWorkflow.EnsureCanAppraise(Status);
                // Finalising accepts the unit's value wherever the appraiser gave no decision or only asked a question.
                foreach (var value in Values.Where(v => Appraisal.AcceptedOnFinalize(v.Decision)))
                {
                    value.AcceptSelf();
                }
                AppraisedAt = at;
                AppraisedBy = userName;
                break;
            default:
                throw new InvalidOperationException($"An assessment does not move back to {to}.");
        }
        Events.Add(new AssessmentEvent { At = at, UserName = userName, From = Status, To = to, Message = message });
        Status = to;
    }
}

/// <summary>
/// The unit's value of one indicator and the appraiser's, kept as the JSON the API received (for display) and as the
/// engine's raw double. Points are not stored: they follow from the raw value and the framework, which is frozen
/// once an assessment uses it (ADR 009). Every change is in the audit log with its old and new value.
/// </summary>
public class AssessmentValue : IVersioned
{
    public int Id { get; set; }
    public int AssessmentId { get; set; }
    public UnitAssessment Assessment { get; set; } = null!;
    public required string IndicatorCode { get; set; }
    public string? SelfValue { get; set; }
    public double? SelfRaw { get; set; }
    public string? Note { get; set; }
    /// <summary>The unit's answer to a question the appraiser returned.</summary>
    public string? UnitResponse { get; set; }
    public string? AppraisedValue { get; set; }
    public double? AppraisedRaw { get; set; }
    public AppraisalDecision Decision { get; set; }
    public string? AppraisalReason { get; set; }
    public string? ReturnMessage { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public int Version { get; set; }
    public List<AssessmentEvidence> Evidence { get; set; } = [];

    /// <summary>The unit's own value as a raw double; NaN when it gave none.</summary>
    public double SelfOrNaN => SelfRaw ?? double.NaN;

    /// <summary>The value that counts once appraised: the appraiser's where they accepted or adjusted, the unit's otherwise.</summary>
    public double CountingRaw => Decision is AppraisalDecision.Accepted or AppraisalDecision.Adjusted ? AppraisedRaw ?? double.NaN : SelfOrNaN;

    /// <summary>
    /// The unit sets its value (<paramref name="raw"/> NaN clears it). A changed value must be appraised again: an
    /// earlier appraisal of it no longer holds.
    /// </summary>
    public void SetSelf(string? json, double raw, string? userName, DateTime at)
    {
        double? stored = double.IsNaN(raw) ? null : raw;
        var changed = SelfRaw != stored;
        SelfValue = stored is null ? null : json;
        SelfRaw = stored;
        if (changed && Decision != AppraisalDecision.None)
        {
            Decision = Appraisal.AfterUnitChange(Decision);
            AppraisedValue = null;
            AppraisedRaw = null;
        }
        Touch(userName, at);
    }

    /// <summary>The appraiser's word: a question waits for the unit's answer; an accepted or adjusted value is what counts.</summary>
    public void Appraise(AppraisalVerdict verdict, string? json, string? userName, DateTime at)
    {
        Decision = verdict.Decision;
        if (verdict.Decision == AppraisalDecision.Returned)
        {
            ReturnMessage = verdict.Message;
        }
        else
        {
            AppraisedRaw = double.IsNaN(verdict.Raw) ? null : verdict.Raw;
            AppraisedValue = AppraisedRaw is null ? null : verdict.KeepsSelfValue ? SelfValue : json;
            AppraisalReason = verdict.Reason;
        }
        Touch(userName, at);
    }

    /// <summary>The unit's value stands as the appraised one.</summary>
    public void AcceptSelf()
    {
        Decision = AppraisalDecision.Accepted;
        AppraisedRaw = SelfRaw;
        AppraisedValue = SelfValue;
    }

    public void Touch(string? userName, DateTime at)
    {
        UpdatedAt = at;
        UpdatedBy = userName;
    }
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
