using ThiDua.Core.Errors;

namespace ThiDua.Core.Assessment;

/// <summary>What the appraiser does with one indicator.</summary>
public enum AppraisalAction
{
    /// <summary>The unit's value stands.</summary>
    Accept,
    /// <summary>Another value replaces it; the reason is required.</summary>
    Adjust,
    /// <summary>The unit is asked to explain (a message is required); the value waits for its answer.</summary>
    Return,
}

/// <summary>The appraiser's word on one indicator, decided: the decision, the appraised raw value (NaN when missing) and the texts.</summary>
public sealed record AppraisalVerdict(AppraisalDecision Decision, double Raw, string? Reason, string? Message)
{
    /// <summary>True when the verdict keeps the unit's own value (so the unit's JSON is kept as well).</summary>
    public bool KeepsSelfValue { get; init; }
}

/// <summary>
/// The appraisal of a submitted assessment (R6, section IV.1): the Secretariat accepts the unit's value, adjusts it
/// with a reason, or asks a question; a value the unit changes afterwards must be appraised again; finalising accepts
/// every value the appraiser left without a word.
/// </summary>
public static class Appraisal
{
    private const double Tolerance = 1e-9;

    /// <summary>"accept", "adjust", "return" (any case); empty means "infer from the value". Anything else is refused naming the indicator.</summary>
    public static AppraisalAction? ParseAction(string? text, string indicatorCode) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "accept" => AppraisalAction.Accept,
        "adjust" => AppraisalAction.Adjust,
        "return" => AppraisalAction.Return,
        _ => throw DomainException.ForField(indicatorCode, $"Chỉ tiêu {indicatorCode}: hành động '{text}' không có; dùng accept, adjust hoặc return."),
    };

    /// <summary>
    /// Decides one entry. Without an action, a value equal to the unit's accepts it and a different one adjusts it.
    /// <paramref name="proposedRaw"/> is the appraiser's value (NaN for an explicit empty value), null when none was sent.
    /// </summary>
    public static AppraisalVerdict Decide(string indicatorCode, AppraisalAction? action, double selfRaw, double? proposedRaw, string? reason, string? message)
    {
        DomainException Fault(string text) => DomainException.ForField(indicatorCode, $"Chỉ tiêu {indicatorCode}: {text}");
        if (action == AppraisalAction.Return)
        {
            var question = Clean(message) ?? Clean(reason) ?? throw Fault("cần nội dung yêu cầu giải trình.");
            return new AppraisalVerdict(AppraisalDecision.Returned, double.NaN, null, question);
        }
        var raw = action == AppraisalAction.Accept || proposedRaw is null ? selfRaw : proposedRaw.Value;
        var same = SameValue(raw, selfRaw);
        if (action == AppraisalAction.Adjust && same)
        {
            throw Fault("giá trị điều chỉnh trùng giá trị đơn vị tự đánh giá.");
        }
        if (!same && Clean(reason) is null)
        {
            throw Fault("điều chỉnh khác giá trị đơn vị tự đánh giá phải nêu lý do điều chỉnh.");
        }
        return new AppraisalVerdict(same ? AppraisalDecision.Accepted : AppraisalDecision.Adjusted, raw, Clean(reason), null) { KeepsSelfValue = same };
    }

    /// <summary>After the unit changes a value, an appraisal of the old one no longer holds; an open question stays open.</summary>
    public static AppraisalDecision AfterUnitChange(AppraisalDecision current) =>
        current == AppraisalDecision.Returned ? AppraisalDecision.Returned : AppraisalDecision.None;

    /// <summary>Finalising accepts the unit's value wherever the appraiser gave no decision or only asked a question.</summary>
    public static bool AcceptedOnFinalize(AppraisalDecision current) => current is AppraisalDecision.None or AppraisalDecision.Returned;

    /// <summary>Two raw values are the same when both are missing or they differ by less than a rounding error.</summary>
    public static bool SameValue(double a, double b) => (double.IsNaN(a) && double.IsNaN(b)) || Math.Abs(a - b) < Tolerance;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().Normalize(System.Text.NormalizationForm.FormC);
}
