using System.ComponentModel.DataAnnotations;

namespace ThiDua.Web.Features.Accounts;

public sealed class TokenRequest
{
    [Required, StringLength(256)]
    public string UserName { get; init; } = "";

    [Required, StringLength(256)]
    public string Password { get; init; } = "";
}

public sealed class RefreshRequest
{
    [Required, StringLength(4096)]
    public string RefreshToken { get; init; } = "";
}

public sealed class ChangePasswordRequest
{
    [Required, StringLength(256)]
    public string CurrentPassword { get; init; } = "";

    [Required, StringLength(256)]
    public string NewPassword { get; init; } = "";
}

public sealed class ResetPasswordRequest
{
    [Required, StringLength(256)]
    public string NewPassword { get; init; } = "";
}

public sealed class CreateUserRequest
{
    [Required, StringLength(64, MinimumLength = 3)]
    public string UserName { get; init; } = "";

    [Required, StringLength(256)]
    public string Password { get; init; } = "";

    [Required, StringLength(256, MinimumLength = 2)]
    public string FullName { get; init; } = "";

    [EmailAddress, StringLength(256)]
    public string? Email { get; init; }

    [Required, MinLength(1)]
    public List<string> Roles { get; init; } = [];

    [StringLength(64)]
    public string? UnitCode { get; init; }
}

public sealed record UserDto(string Id, string UserName, string FullName, string? Email, IReadOnlyList<string> Roles, string? UnitCode, string? UnitName, bool LockedOut);
