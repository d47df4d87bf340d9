namespace ThiDua.Core.Accounts;

/// <summary>The province's password rule: at least 10 characters, not all of one class (letters, digits, symbols, case).</summary>
public static class PasswordRules
{
    public const int MinimumLength = 10;
    public const int MinimumClasses = 2;

    public static int CharacterClasses(string password)
    {
        bool lower = false, upper = false, digit = false, other = false;
        foreach (var c in password)
        {
            if (char.IsLower(c)) { lower = true; }
            else if (char.IsUpper(c)) { upper = true; }
            else if (char.IsDigit(c)) { digit = true; }
            else { other = true; }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    public static bool HasEnoughClasses(string password) => CharacterClasses(password) >= MinimumClasses;
}
