using System.ComponentModel.DataAnnotations;

namespace ThiDua.Web.Features.Accounts;

[Authorize(Policy = Policies.Admin)]
public sealed class UsersModel(UserService service) : CommandPageModel
{
    public IReadOnlyList<UserDto> Users { get; private set; } = [];

    [BindProperty]
    public UserInput Input { get; set; } = new();

    public sealed class UserInput
    {
        [Required(ErrorMessage = "Hãy nhập tên đăng nhập.")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Hãy nhập họ và tên.")]
        public string FullName { get; set; } = "";

        [EmailAddress(ErrorMessage = "Thư điện tử không hợp lệ.")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Hãy nhập mật khẩu ban đầu.")]
        public string Password { get; set; } = "";

        public List<string> Roles { get; set; } = [];

        public string? UnitCode { get; set; }
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (Input.Roles.Count == 0)
        {
            ModelState.AddModelError("Input.Roles", "Hãy chọn ít nhất một vai trò.");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        return await RunAsync(async () =>
        {
            var user = await service.CreateAsync(new CreateUserRequest
            {
                UserName = Input.UserName,
                FullName = Input.FullName,
                Email = Input.Email,
                Password = Input.Password,
                Roles = Input.Roles,
                UnitCode = Input.UnitCode,
            });
            TempData["Message"] = $"Đã thêm người dùng {user.UserName}.";
            return RedirectToPage();
        }, LoadAsync, e => ModelState.AddModelError(string.Empty, e.Message));
    }

    public Task<IActionResult> OnPostLockAsync(string userName) =>
        RunAsync(() => service.SetLockedAsync(userName, locked: true), $"Đã khoá tài khoản {userName}.", "/quan-tri/nguoi-dung", LoadAsync);

    public Task<IActionResult> OnPostUnlockAsync(string userName) =>
        RunAsync(() => service.SetLockedAsync(userName, locked: false), $"Đã mở khoá tài khoản {userName}.", "/quan-tri/nguoi-dung", LoadAsync);

    private async Task LoadAsync() => Users = (await service.ListAsync(Paging.FirstLargest)).Items;
}
