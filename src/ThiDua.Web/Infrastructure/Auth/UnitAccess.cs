using System.Globalization;
using System.Security.Claims;
using ThiDua.Core.Errors;

namespace ThiDua.Web.Infrastructure.Auth;

/// <summary>
/// The unit scope of the signed-in user: unit reporters and leaders act only for their own unit; province-wide
/// roles act for any. Handlers call <see cref="EnsureCanActFor"/> before reading or writing a unit's data.
/// </summary>
public static class UnitAccess
{
    /// <summary>Roles whose holders may act for every unit.</summary>
    private static readonly string[] ProvinceWideWriters = [Roles.Admin, Roles.Secretariat];

    public static int? UnitId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(ThiDuaClaims.UnitId), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static string? UnitCode(this ClaimsPrincipal user) => user.FindFirstValue(ThiDuaClaims.UnitCode);

    public static bool IsProvinceWide(this ClaimsPrincipal user, params string[] roles) =>
        (roles.Length == 0 ? ProvinceWideWriters : roles).Any(user.IsInRole);

    /// <summary>True when the user may act for the unit: a province-wide role, or a unit role bound to that very unit.</summary>
    public static bool CanActFor(this ClaimsPrincipal user, int unitId, params string[] provinceWideRoles)
    {
        if (user.IsProvinceWide(provinceWideRoles))
        {
            return true;
        }
        return Roles.UnitScoped.Any(user.IsInRole) && user.UnitId() == unitId;
    }

    public static void EnsureCanActFor(this ClaimsPrincipal user, int unitId, params string[] provinceWideRoles)
    {
        if (!user.CanActFor(unitId, provinceWideRoles))
        {
            throw new ForbiddenException("Bạn chỉ được thao tác trên dữ liệu của đơn vị mình.");
        }
    }

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(ThiDuaClaims.FullName) ?? user.Identity?.Name ?? "";
}
