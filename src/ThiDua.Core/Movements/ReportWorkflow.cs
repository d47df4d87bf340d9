using ThiDua.Core.Errors;

namespace ThiDua.Core.Movements;

public enum ReportStatus
{
    Draft,
    Submitted,
    Returned,
}

public enum FeedbackStatus
{
    Open,
    Answered,
    Closed,
}

/// <summary>The annual report's steps: draft → submitted (by the unit leader) → returned with a reason → submitted again.</summary>
public static class ReportWorkflow
{
    public static void EnsureEditable(ReportStatus status)
    {
        if (status == ReportStatus.Submitted)
        {
            throw new ConflictException("Báo cáo đã được gửi; chỉ sửa được khi cơ quan thường trực trả lại.");
        }
    }

    public static void EnsureCanReturn(ReportStatus status)
    {
        if (status != ReportStatus.Submitted)
        {
            throw new ConflictException("Chỉ trả lại được báo cáo đã gửi.");
        }
    }

    public static string VietnameseName(this ReportStatus status) => status switch
    {
        ReportStatus.Draft => "Đang soạn",
        ReportStatus.Submitted => "Đã gửi",
        _ => "Trả lại để bổ sung",
    };

    public static string VietnameseName(this FeedbackStatus status) => status switch
    {
        FeedbackStatus.Open => "Đang chờ trả lời",
        FeedbackStatus.Answered => "Đã trả lời",
        _ => "Đã đóng",
    };
}
