using Microsoft.AspNetCore.Identity;
using ThiDua.Data.Accounts;

namespace ThiDua.Web.Data.Seed;

/// <summary>
/// Roles, the <c>admin</c> account (password from <c>THIDUA_ADMIN_PASSWORD</c> on first start) and, when
/// <c>Seed:DemoData</c> is on (Development), one demo account per role. Only missing accounts are created.
/// </summary>
public sealed class AccountSeeder(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    ThiDuaDbContext db,
    IConfiguration configuration,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<AccountSeeder> logger)
{
    public const string AdminUserName = "admin";

    /// <summary>The documented password of every demo account (README), and of admin in Development when the variable is unset.</summary>
    public const string DemoPassword = "ThiDua@2026";

    public sealed record DemoAccount(string UserName, string FullName, string Role, string? UnitCode);

    /// <summary>Demo accounts: one per role, and a reporter and a leader of a real department and a real commune.</summary>
    public static readonly IReadOnlyList<DemoAccount> DemoAccounts =
    [
        new("thuongtruc", "Nguyễn Thị Thu Hà", Roles.Secretariat, null),
        new("banthidua", "Trần Văn Hùng", Roles.RewardBoard, null),
        new("hoidong1", "Phạm Quang Minh", Roles.CouncilMember, null),
        new("hoidong2", "Lê Thị Lan", Roles.CouncilMember, null),
        new("hoidong3", "Đỗ Văn Nam", Roles.CouncilMember, null),
        new("thanhtra", "Vũ Thị Hồng", Roles.Inspector, null),
        new("lanhdao", "Hoàng Văn Quyết", Roles.Leader, null),
        new("soyte.baocao", "Ngô Thị Mai", Roles.UnitReporter, "SO-YT"),
        new("soyte.lanhdao", "Bùi Văn Thắng", Roles.UnitLeader, "SO-YT"),
        new("baichay.baocao", "Đặng Thị Hoa", Roles.UnitReporter, "X2025-06673-BAICHAY"),
        new("baichay.lanhdao", "Phan Văn Long", Roles.UnitLeader, "X2025-06673-BAICHAY"),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var created = new List<string>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }

        if (await users.FindByNameAsync(AdminUserName) is null)
        {
            var password = configuration["THIDUA_ADMIN_PASSWORD"];
            if (string.IsNullOrEmpty(password))
            {
                if (!environment.IsDevelopment() && !configuration.GetValue<bool>("Seed:DemoData"))
                {
                    throw new InvalidOperationException("Set THIDUA_ADMIN_PASSWORD: it becomes the password of the 'admin' account on first start.");
                }
                password = DemoPassword;
            }
            await CreateAsync(new DemoAccount(AdminUserName, "Quản trị hệ thống", Roles.Admin, null), password);
            created.Add(AdminUserName);
        }

        if (configuration.GetValue<bool>("Seed:DemoData"))
        {
            var existing = (await db.Users.Select(u => u.UserName).ToListAsync(cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var account in DemoAccounts.Where(a => !existing.Contains(a.UserName)))
            {
                await CreateAsync(account, DemoPassword);
                created.Add(account.UserName);
            }
        }
        if (created.SequenceEqual([AdminUserName]))
        {
            logger.LogInformation("Đã tạo tài khoản quản trị: admin (mật khẩu: biến THIDUA_ADMIN_PASSWORD, xem README)");
        }
        else if (created.Count > 0)
        {
            // Never the password itself: the README says where it is.
            logger.LogInformation("Đã tạo tài khoản mẫu: {Accounts} (mật khẩu trong README)", string.Join(", ", created));
        }
    }

    private async Task CreateAsync(DemoAccount account, string password)
    {
        int? unitId = null;
        if (account.UnitCode is { } code)
        {
            unitId = await db.Units.Where(u => u.Code == code).Select(u => (int?)u.Id).FirstOrDefaultAsync()
                ?? throw new InvalidOperationException($"Demo account {account.UserName}: unit {code} is not seeded.");
        }
        var user = new ApplicationUser
        {
            UserName = account.UserName,
            FullName = account.FullName,
            UnitId = unitId,
            EmailConfirmed = true,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        Check(await users.CreateAsync(user, password), $"user {account.UserName}");
        Check(await users.AddToRoleAsync(user, account.Role), $"role of {account.UserName}");
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
