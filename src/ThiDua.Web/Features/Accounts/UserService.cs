using Microsoft.AspNetCore.Identity;
using ThiDua.Data.Accounts;


namespace ThiDua.Web.Features.Accounts;

/// <summary>User administration shared by <c>POST /api/v1/users</c> and the users page.</summary>
public sealed class UserService(UserManager<ApplicationUser> users, ThiDuaDbContext db, CurrentUser current, TimeProvider clock)
{
    public async Task<UserDto> CreateAsync(CreateUserRequest request, CancellationToken cancellationToken = default)
    {
        var roles = request.Roles.Select(r => r.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var unknown = roles.Where(r => !Roles.IsKnown(r)).ToList();
        if (unknown.Count > 0)
        {
            throw DomainException.ForField("roles", $"Vai trò không có: {string.Join(", ", unknown)}. Dùng: {string.Join(", ", Roles.All)}.");
        }
        var scoped = roles.Intersect(Roles.UnitScoped).Any();
        int? unitId = null;
        if (scoped)
        {
            if (string.IsNullOrWhiteSpace(request.UnitCode))
            {
                throw DomainException.ForField("unitCode", "Cán bộ đầu mối đơn vị và lãnh đạo đơn vị cần mã đơn vị.");
            }
            unitId = await db.Units.Where(u => u.Code == request.UnitCode.Trim()).Select(u => (int?)u.Id).FirstOrDefaultAsync(cancellationToken)
                ?? throw DomainException.ForField("unitCode", $"Không có đơn vị mã {request.UnitCode}.");
        }
        else if (!string.IsNullOrWhiteSpace(request.UnitCode))
        {
            throw DomainException.ForField("unitCode", "Chỉ vai trò UnitReporter/UnitLeader gắn với một đơn vị.");
        }

        if (await users.FindByNameAsync(request.UserName.Trim()) is not null)
        {
            throw new ConflictException($"Tên đăng nhập {request.UserName} đã có người dùng.");
        }

        var user = new ApplicationUser
        {
            UserName = request.UserName.Trim(),
            FullName = request.FullName.Trim().Normalize(System.Text.NormalizationForm.FormC),
            Email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim(),
            UnitId = unitId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };

        // The user and the roles are one change: either both are stored or neither.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Check(await users.CreateAsync(user, request.Password), "password");
        Check(await users.AddToRolesAsync(user, roles), "roles");
        await transaction.CommitAsync(cancellationToken);
        return await GetAsync(user.UserName, cancellationToken);
    }

    public async Task<UserDto> GetAsync(string userName, CancellationToken cancellationToken = default)
    {
        var normalized = users.NormalizeName(userName);
        var found = await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalized).ToListAsync(cancellationToken);
        return await DtosAsync(found, cancellationToken) is [var user, ..]
            ? user
            : throw new NotFoundException($"Không có người dùng {userName}.");
    }

    /// <summary>A page of accounts by user name, with their roles and unit.</summary>
    public async Task<PagedList<UserDto>> ListAsync(Paging paging, CancellationToken cancellationToken = default)
    {
        var page = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToPagedListAsync(paging, cancellationToken);
        var dtos = await DtosAsync(page.Items, cancellationToken);
        return new PagedList<UserDto>(dtos, page.Total, page.Page, page.PageSize);
    }

    private async Task<IReadOnlyList<UserDto>> DtosAsync(IReadOnlyList<ApplicationUser> list, CancellationToken cancellationToken)
    {
        var ids = list.Select(u => u.Id).ToList();
        var unitIds = list.Where(u => u.UnitId is not null).Select(u => u.UnitId!.Value).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        var roleNames = await (from ur in db.UserRoles
                               join r in db.Roles on ur.RoleId equals r.Id
                               where ids.Contains(ur.UserId)
                               select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var rolesByUser = roleNames.ToLookup(x => x.UserId, x => x.Name!);
        var now = clock.GetUtcNow();
        return list.Select(u =>
        {
            var unit = u.UnitId is int id ? units.GetValueOrDefault(id) : null;
            return new UserDto(u.Id, u.UserName!, u.FullName, u.Email, rolesByUser[u.Id].OrderBy(r => r).ToList(),
                unit?.Code, unit?.Name, u.LockoutEnd is { } end && end > now);
        }).ToList();
    }

    /// <summary>The user changes their own password; Identity renews the security stamp, which ends every other session.</summary>
    public async Task ChangeOwnPasswordAsync(string userName, string currentPassword, string newPassword)
    {
        var user = await FindAsync(userName);
        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            throw DomainException.ForField("currentPassword", "Mật khẩu hiện tại không đúng.");
        }
        Check(result, "newPassword");
    }

    public async Task ResetPasswordAsync(string userName, string newPassword)
    {
        var user = await FindAsync(userName);
        Check(await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), newPassword), "newPassword");
    }

    /// <summary>
    /// Locks the account until unlocked (Identity's lockout end set to the far future) and renews its security
    /// stamp, so its cookies and bearer tokens stop working within a minute (the stamp is checked every minute).
    /// </summary>
    public async Task<UserDto> SetLockedAsync(string userName, bool locked, CancellationToken cancellationToken = default)
    {
        var user = await FindAsync(userName);
        if (locked && string.Equals(user.UserName, current.UserName, StringComparison.OrdinalIgnoreCase))
        {
            throw DomainException.ForField("userName", "Không thể tự khoá tài khoản đang dùng.");
        }
        Check(await users.SetLockoutEnabledAsync(user, true), "userName");
        Check(await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null), "userName");
        Check(await users.ResetAccessFailedCountAsync(user), "userName");
        Check(await users.UpdateSecurityStampAsync(user), "userName");
        return await GetAsync(user.UserName!, cancellationToken);
    }

    private async Task<ApplicationUser> FindAsync(string userName) =>
        await users.FindByNameAsync(userName.Trim()) ?? throw new NotFoundException($"Không có người dùng {userName}.");

    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            var messages = result.Errors.Select(e => e.Description).ToArray();
            throw new DomainException(string.Join(" ", messages), new Dictionary<string, string[]> { [field] = messages });
        }
    }
}
