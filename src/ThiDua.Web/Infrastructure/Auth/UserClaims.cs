using System.Globalization;
using System.Security.Claims;

namespace ThiDua.Web.Infrastructure.Auth;

/// <summary>The claims ThiDua adds to a signed-in user (<see cref="ThiDuaClaimsFactory"/>): their unit and full name.</summary>
public static class UserClaims
{
    public static int? UnitId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(ThiDuaClaims.UnitId), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static string? UnitCode(this ClaimsPrincipal user) => user.FindFirstValue(ThiDuaClaims.UnitCode);

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(ThiDuaClaims.FullName) ?? user.Identity?.Name ?? "";
}
