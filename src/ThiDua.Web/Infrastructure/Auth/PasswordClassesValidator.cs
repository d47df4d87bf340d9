using Microsoft.AspNetCore.Identity;
using ThiDua.Core.Accounts;

namespace ThiDua.Web.Infrastructure.Auth;

/// <summary>Rejects passwords made of one character class only (all letters, all digits…).</summary>
public sealed class PasswordClassesValidator<TUser> : IPasswordValidator<TUser>
    where TUser : class
{
    public Task<IdentityResult> ValidateAsync(UserManager<TUser> manager, TUser user, string? password) =>
        Task.FromResult(password is not null && PasswordRules.HasEnoughClasses(password)
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooFewClasses",
                Description = "Mật khẩu phải gồm ít nhất hai loại ký tự (chữ thường, chữ hoa, chữ số, ký hiệu).",
            }));
}
