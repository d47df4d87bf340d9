namespace ThiDua.Web.Infrastructure.Auth;

/// <summary>The roles of DESIGN.md. UnitReporter and UnitLeader are bound to one unit (claim <see cref="ThiDuaClaims.UnitId"/>).</summary>
public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string Secretariat = nameof(Secretariat);
    public const string RewardBoard = nameof(RewardBoard);
    public const string CouncilMember = nameof(CouncilMember);
    public const string Inspector = nameof(Inspector);
    public const string Leader = nameof(Leader);
    public const string UnitReporter = nameof(UnitReporter);
    public const string UnitLeader = nameof(UnitLeader);

    public static readonly IReadOnlyList<string> All =
        [Admin, Secretariat, RewardBoard, CouncilMember, Inspector, Leader, UnitReporter, UnitLeader];

    /// <summary>Roles that act for one unit only: its staff.</summary>
    public static readonly IReadOnlyList<string> UnitScoped = [UnitReporter, UnitLeader];

    /// <summary>Roles that read every unit's data (and write none of it for a unit, except <see cref="ActForEveryUnit"/>).</summary>
    public static readonly IReadOnlyList<string> ReadEveryUnit = [Admin, Secretariat, RewardBoard, CouncilMember, Inspector, Leader];

    /// <summary>Roles that act for any unit (enter its data, start its assessment): the standing agency and the administrator.</summary>
    public static readonly IReadOnlyList<string> ActForEveryUnit = [Admin, Secretariat];

    /// <summary>Roles that handle reward dossiers for the whole province: the Reward Board and the administrator.</summary>
    public static readonly IReadOnlyList<string> RewardHandlers = [RewardBoard, Admin];

    /// <summary>Roles that keep dossiers for units and so read their drafts and the people's birth dates: the Reward Board, the Secretariat, Admin.</summary>
    public static readonly IReadOnlyList<string> KeepDossiers = [RewardBoard, Secretariat, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);

    public static string VietnameseName(string role) => role switch
    {
        Admin => "Quản trị hệ thống",
        Secretariat => "Cơ quan thường trực (Sở KH&CN)",
        RewardBoard => "Ban Thi đua – Khen thưởng",
        CouncilMember => "Thành viên Hội đồng TĐKT",
        Inspector => "Thành viên đoàn kiểm tra",
        Leader => "Lãnh đạo tỉnh",
        UnitReporter => "Cán bộ đầu mối đơn vị",
        UnitLeader => "Lãnh đạo đơn vị",
        _ => role,
    };
}

public static class ThiDuaClaims
{
    public const string UnitId = "thidua:unit_id";
    public const string UnitCode = "thidua:unit_code";
    public const string FullName = "thidua:full_name";
}
