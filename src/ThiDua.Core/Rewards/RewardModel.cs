namespace ThiDua.Core.Rewards;

/// <summary>Annual (with its year), mid-term review 2022–2023, final review 2022–2025 (section IV.3).</summary>
public enum NominationRound
{
    Annual,
    Midterm,
    Final,
}

public enum NomineeKind
{
    Unit,
    Enterprise,
    Individual,
    Other,
}

/// <summary>The unit's own award, the Chairman's Certificate of Merit, or a proposal for a state award (section IV.3, R11).</summary>
public enum AwardLevel
{
    UnitCertificate,
    ChairmanCertificate,
    StateAward,
}

/// <summary>The dossier's documents (section IV.4, R12): proposal letter, minutes of the unit's council, achievement report.</summary>
public enum DocumentKind
{
    Proposal,
    Minutes,
    AchievementReport,
    Other,
}

public enum BallotChoice
{
    Yes,
    No,
    Abstain,
}

public static class RewardNames
{
    public static string VietnameseName(this AwardLevel award) => award switch
    {
        AwardLevel.UnitCertificate => "Giấy khen của đơn vị",
        AwardLevel.ChairmanCertificate => "Bằng khen của Chủ tịch UBND tỉnh",
        _ => "Đề nghị khen thưởng cấp Nhà nước",
    };

    public static string VietnameseName(this NomineeKind kind) => kind switch
    {
        NomineeKind.Unit => "Tập thể (cơ quan, đơn vị, địa phương)",
        NomineeKind.Enterprise => "Doanh nghiệp",
        NomineeKind.Individual => "Cá nhân (cán bộ, công chức, viên chức, người lao động)",
        _ => "Đối tượng khác",
    };

    public static string VietnameseName(this DocumentKind kind) => kind switch
    {
        DocumentKind.Proposal => "Tờ trình đề nghị khen thưởng",
        DocumentKind.Minutes => "Biên bản họp xét duyệt của Hội đồng Thi đua – Khen thưởng",
        DocumentKind.AchievementReport => "Báo cáo thành tích",
        _ => "Tài liệu khác",
    };

    /// <summary>The API's code of a document kind: proposal, minutes, achievement_report, other.</summary>
    public static string Code(this DocumentKind kind) => Text.ApiCodes.Code(kind);
}
