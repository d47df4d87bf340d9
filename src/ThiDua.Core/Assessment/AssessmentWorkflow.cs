using ThiDua.Core.Errors;

namespace ThiDua.Core.Assessment;

public enum AssessmentStatus
{
    /// <summary>The unit is filling it in.</summary>
    Draft,
    /// <summary>The unit leader has submitted it: values are locked; the Secretariat appraises.</summary>
    Submitted,
    /// <summary>The Secretariat sent it back with questions; the unit may edit and resubmit.</summary>
    Returned,
    /// <summary>Appraisal finalised: the appraised values count in the results.</summary>
    Appraised,
}

public enum AppraisalDecision
{
    None,
    Accepted,
    Adjusted,
    Returned,
}

/// <summary>
/// The life of an assessment (R6), as DHIS2 locks data on approval: draft → submitted (the unit leader) →
/// appraised (the Secretariat finalises), or submitted → returned (with questions) → submitted again.
/// A step out of order is a conflict (409).
/// </summary>
public static class AssessmentWorkflow
{
    public static bool UnitCanEdit(AssessmentStatus status) => status is AssessmentStatus.Draft or AssessmentStatus.Returned;

    public static void EnsureUnitCanEdit(AssessmentStatus status)
    {
        if (!UnitCanEdit(status))
        {
            throw new ConflictException(status == AssessmentStatus.Appraised
                ? "Đánh giá đã được thẩm định xong; không sửa được nữa."
                : "Đánh giá đã được gửi đi: giá trị đã khoá. Chỉ sửa được khi cơ quan thường trực trả lại.");
        }
    }

    public static void EnsureCanSubmit(AssessmentStatus status)
    {
        if (!UnitCanEdit(status))
        {
            throw new ConflictException(status == AssessmentStatus.Submitted ? "Đánh giá đã được gửi rồi." : "Đánh giá đã được thẩm định xong.");
        }
    }

    public static void EnsureCanAppraise(AssessmentStatus status)
    {
        if (status != AssessmentStatus.Submitted)
        {
            throw new ConflictException(status switch
            {
                AssessmentStatus.Appraised => "Đánh giá đã được thẩm định xong.",
                AssessmentStatus.Returned => "Đánh giá đang trả lại cho đơn vị; chờ đơn vị gửi lại.",
                _ => "Đơn vị chưa gửi đánh giá: chưa thẩm định được.",
            });
        }
    }

    public static string VietnameseName(this AssessmentStatus status) => status switch
    {
        AssessmentStatus.Draft => "Đang nhập",
        AssessmentStatus.Submitted => "Đã gửi, chờ thẩm định",
        AssessmentStatus.Returned => "Trả lại để giải trình",
        AssessmentStatus.Appraised => "Đã thẩm định",
        _ => status.ToString(),
    };

    public static string VietnameseName(this AppraisalDecision decision) => decision switch
    {
        AppraisalDecision.Accepted => "Chấp nhận",
        AppraisalDecision.Adjusted => "Điều chỉnh",
        AppraisalDecision.Returned => "Yêu cầu giải trình",
        _ => "Chưa thẩm định",
    };
}
