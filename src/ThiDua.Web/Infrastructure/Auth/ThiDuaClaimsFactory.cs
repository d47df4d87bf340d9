using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ThiDua.Data.Accounts;

namespace ThiDua.Web.Infrastructure.Auth;

/// <summary>Adds the user's unit and full name to the cookie and the bearer token, so scope checks need no query.</summary>
public sealed class ThiDuaClaimsFactory(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options,
    ThiDuaDbContext db)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ThiDuaClaims.FullName, user.FullName));
        if (user.UnitId is int unitId)
        {
            var code = await db.Units.Where(u => u.Id == unitId).Select(u => u.Code).FirstAsync();
            identity.AddClaim(new Claim(ThiDuaClaims.UnitId, unitId.ToString(CultureInfo.InvariantCulture)));
            identity.AddClaim(new Claim(ThiDuaClaims.UnitCode, code));
        }
        return identity;
    }
}
