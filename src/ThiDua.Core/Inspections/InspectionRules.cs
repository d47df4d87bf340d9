using ThiDua.Core.Errors;

namespace ThiDua.Core.Inspections;

/// <summary>What a finding was checked against (R15): the unit's DTI evidence, its assigned tasks, its annual report, or something else.</summary>
public enum FindingSubject
{
    Dti,
    Tasks,
    Report,
    Other,
}

/// <summary>Where the unit's follow-up of a recommendation stands.</summary>
public enum RecommendationStatus
{
    /// <summary>Not answered yet.</summary>
    Open,
    /// <summary>The unit answered but does not say it is done.</summary>
    Responded,
    /// <summary>The unit says it has carried the recommendation out.</summary>
    Done,
}

/// <summary>The rules of an inspection plan and its recommendations, on plain values (no clock, no database).</summary>
public static class InspectionRules
{
    /// <summary>Overdue: the due date has passed (today is after it) and the unit has not said it is done.</summary>
    public static bool IsOverdue(RecommendationStatus status, DateOnly dueDate, DateOnly today) =>
        status != RecommendationStatus.Done && dueDate < today;

    /// <summary>The status a response leads to: done when the unit says so, otherwise responded.</summary>
    public static RecommendationStatus AfterResponse(bool done) => done ? RecommendationStatus.Done : RecommendationStatus.Responded;

    /// <summary>A plan's dates: the end not before the start, both in the plan's year or next to it (an inspection may run into January).</summary>
    public static void CheckDates(int year, DateOnly start, DateOnly end)
    {
        if (year is < 2000 or > 2100)
        {
            throw DomainException.ForField("year", "Năm kiểm tra phải từ 2000 đến 2100.");
        }
        if (end < start)
        {
            throw DomainException.ForField("endDate", "Ngày kết thúc phải từ ngày bắt đầu trở đi.");
        }
        if (start.Year < year || start.Year > year + 1 || end.Year > year + 1)
        {
            throw DomainException.ForField("startDate", $"Thời gian kiểm tra phải thuộc năm {year} (hoặc sang đầu năm sau).");
        }
    }

    /// <summary>A recommendation's due date may not come before the finding is recorded.</summary>
    public static void CheckDue(DateOnly due, DateOnly today, string field)
    {
        if (due < today)
        {
            throw DomainException.ForField(field, $"Hạn thực hiện kiến nghị ({due:dd/MM/yyyy}) đã qua.");
        }
        if (due.Year > 2100)
        {
            throw DomainException.ForField(field, "Hạn thực hiện kiến nghị không hợp lệ.");
        }
    }

    public static string VietnameseName(this FindingSubject subject) => subject switch
    {
        FindingSubject.Dti => "Minh chứng chỉ số DTI",
        FindingSubject.Tasks => "Thực hiện nhiệm vụ được giao",
        FindingSubject.Report => "Báo cáo hằng năm",
        _ => "Nội dung khác",
    };

    public static string VietnameseName(this RecommendationStatus status) => status switch
    {
        RecommendationStatus.Open => "Chưa trả lời",
        RecommendationStatus.Responded => "Đã trả lời, đang thực hiện",
        _ => "Đã thực hiện xong",
    };
}
