using ThiDua.Core.Errors;

namespace ThiDua.Core.Initiatives;

/// <summary>What is submitted (R14): an initiative or solution, or a good model, new way of working, advanced example.</summary>
public enum InitiativeKind
{
    Initiative,
    Model,
}

/// <summary>The plan's priority sectors (Resolution 09, section II) an initiative or model belongs to.</summary>
public enum InitiativeSector
{
    Health,
    Education,
    Tourism,
    Industry,
    TransportLogistics,
    BorderGates,
    DigitalGovernment,
    DigitalEconomy,
    DigitalSociety,
    Other,
}

/// <summary>submitted → returned (with a reason) → submitted again …; submitted → accepted → published (then it may be featured).</summary>
public enum InitiativeStatus
{
    Submitted,
    Returned,
    Accepted,
    Published,
}

/// <summary>
/// The Secretariat's review of initiatives and models: which step may follow which. A step out of order is a
/// conflict with the record's state (409), named in words the unit reads.
/// </summary>
public static class InitiativeWorkflow
{
    public static void EnsureCanReturn(InitiativeStatus status)
    {
        if (status != InitiativeStatus.Submitted)
        {
            throw new ConflictException($"Chỉ trả lại được sáng kiến, mô hình đang chờ xem xét; bản này {status.VietnameseName().ToLowerInvariant()}.");
        }
    }

    public static void EnsureCanAccept(InitiativeStatus status)
    {
        if (status != InitiativeStatus.Submitted)
        {
            throw new ConflictException($"Chỉ chấp nhận được sáng kiến, mô hình đang chờ xem xét; bản này {status.VietnameseName().ToLowerInvariant()}.");
        }
    }

    public static void EnsureCanPublish(InitiativeStatus status)
    {
        if (status != InitiativeStatus.Accepted)
        {
            throw new ConflictException($"Chỉ công bố được sáng kiến, mô hình đã được chấp nhận; bản này {status.VietnameseName().ToLowerInvariant()}.");
        }
    }

    public static void EnsureCanFeature(InitiativeStatus status)
    {
        if (status != InitiativeStatus.Published)
        {
            throw new ConflictException($"Chỉ chọn nổi bật được sáng kiến, mô hình đã công bố; bản này {status.VietnameseName().ToLowerInvariant()}.");
        }
    }

    /// <summary>The unit edits what it sent until the Secretariat accepts it: while it waits, or after it came back.</summary>
    public static bool UnitCanEdit(InitiativeStatus status) => status is InitiativeStatus.Submitted or InitiativeStatus.Returned;

    public static void EnsureUnitCanEdit(InitiativeStatus status)
    {
        if (!UnitCanEdit(status))
        {
            throw new ConflictException($"Sáng kiến, mô hình {status.VietnameseName().ToLowerInvariant()}: đơn vị không sửa được nữa.");
        }
    }

    public static string VietnameseName(this InitiativeStatus status) => status switch
    {
        InitiativeStatus.Submitted => "Đang chờ xem xét",
        InitiativeStatus.Returned => "Đã trả lại để bổ sung",
        InitiativeStatus.Accepted => "Đã chấp nhận, chờ công bố",
        _ => "Đã công bố",
    };

    public static string VietnameseName(this InitiativeKind kind) => kind switch
    {
        InitiativeKind.Initiative => "Sáng kiến, giải pháp",
        _ => "Mô hình hay, cách làm mới, điển hình tiên tiến",
    };

    public static string VietnameseName(this InitiativeSector sector) => sector switch
    {
        InitiativeSector.Health => "Y tế",
        InitiativeSector.Education => "Giáo dục và đào tạo",
        InitiativeSector.Tourism => "Du lịch",
        InitiativeSector.Industry => "Công nghiệp",
        InitiativeSector.TransportLogistics => "Giao thông vận tải và logistics",
        InitiativeSector.BorderGates => "Cửa khẩu số",
        InitiativeSector.DigitalGovernment => "Chính quyền số",
        InitiativeSector.DigitalEconomy => "Kinh tế số",
        InitiativeSector.DigitalSociety => "Xã hội số",
        _ => "Khác",
    };
}
