using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using ServicePro.Host.Security;

namespace ServicePro.Host.Tests.Security;

[TestClass]
public sealed class ServiceProSignInManagerTests
{
    private readonly IdentityUser _alice = new("alice");
    private readonly Mock<IUserPasswordStore<IdentityUser>> _store = new();
    private readonly Mock<IPasswordHasher<IdentityUser>> _hasher = new();

    public ServiceProSignInManagerTests()
    {
        _store.Setup(s => s.FindByNameAsync("ALICE", It.IsAny<CancellationToken>())).ReturnsAsync(_alice);
        _store.Setup(s => s.GetPasswordHashAsync(_alice, It.IsAny<CancellationToken>())).ReturnsAsync("alice's hash");
        _store.Setup(s => s.GetUserIdAsync(_alice, It.IsAny<CancellationToken>())).ReturnsAsync(_alice.Id);
        _hasher.Setup(h => h.HashPassword(It.IsAny<IdentityUser>(), It.IsAny<string>())).Returns("a hash");
        _hasher.Setup(h => h.VerifyHashedPassword(It.IsAny<IdentityUser>(), It.IsAny<string>(), It.IsAny<string>())).Returns(PasswordVerificationResult.Failed);
    }

    [TestMethod]
    public async Task PasswordSignInAsync_UnknownUser_ChecksThePasswordAgainstAHashLikeAKnownUser()
    {
        using var guard = Guard();
        var signIn = Create(guard);

        var unknown = await signIn.PasswordSignInAsync("никто", "пароль🙂", false, false);

        Assert.IsFalse(unknown.Succeeded);
        _hasher.Verify(h => h.VerifyHashedPassword(It.IsAny<IdentityUser>(), It.IsAny<string>(), "пароль🙂"), Times.Once(), "an unknown name costs one hash, as a wrong password does");
    }

    [TestMethod]
    public async Task PasswordSignInAsync_KnownUserWrongPassword_ChecksThePasswordOnce()
    {
        using var guard = Guard();
        var signIn = Create(guard);

        var wrong = await signIn.PasswordSignInAsync("alice", "неверно", false, true);

        Assert.IsFalse(wrong.Succeeded);
        Assert.IsFalse(wrong.IsLockedOut);
        _hasher.Verify(h => h.VerifyHashedPassword(_alice, "alice's hash", "неверно"), Times.Once());
    }

    [TestMethod]
    public async Task PasswordSignInAsync_MoreWrongPasswordsThanTheBudget_ThrottledWithoutAnotherCheck()
    {
        using var guard = Guard(new SignInLimitsOptions { FailuresPerAccount = 2 });
        var signIn = Create(guard);
        await signIn.PasswordSignInAsync("alice", "1", false, true);
        await signIn.PasswordSignInAsync("alice", "2", false, true);

        var third = await signIn.PasswordSignInAsync("alice", "3", false, true);

        var throttled = third as SignInThrottledResult;
        Assert.IsNotNull(throttled, $"got {third}");
        Assert.AreEqual(StatusCodes.Status429TooManyRequests, throttled.StatusCode);
        _hasher.Verify(h => h.VerifyHashedPassword(It.IsAny<IdentityUser>(), It.IsAny<string>(), "3"), Times.Never());
    }

    [TestMethod]
    public async Task PasswordSignInAsync_TwoAtOnceWithOneCheckSlot_TheSecondWaitsForTheFirst()
    {
        using var firstEntered = new ManualResetEventSlim();
        using var releaseFirst = new ManualResetEventSlim();
        var checks = 0;
        _hasher.Setup(h => h.VerifyHashedPassword(It.IsAny<IdentityUser>(), It.IsAny<string>(), It.IsAny<string>()))
            .Returns(() =>
            {
                if (Interlocked.Increment(ref checks) == 1)
                {
                    firstEntered.Set();
                    releaseFirst.Wait(TimeSpan.FromSeconds(30));
                }

                return PasswordVerificationResult.Failed;
            });
        using var guard = Guard(new SignInLimitsOptions { ConcurrentPasswordChecks = 1 });

        var first = Task.Run(() => Create(guard).PasswordSignInAsync("alice", "1", false, false));
        Assert.IsTrue(firstEntered.Wait(TimeSpan.FromSeconds(30)));
        var second = Create(guard).PasswordSignInAsync("alice", "2", false, false);

        Assert.IsFalse(second.IsCompleted, "the second waits for the slot");
        Assert.AreEqual(1, Volatile.Read(ref checks), "only one password is hashed at a time");
        releaseFirst.Set();
        await Task.WhenAll(first, second);
        Assert.AreEqual(2, checks);
    }

    private static SignInGuard Guard(SignInLimitsOptions? limits = null) => new(Options.Create(limits ?? new SignInLimitsOptions()));

    private ServiceProSignInManager Create(SignInGuard guard)
    {
        var services = new ServiceCollection().BuildServiceProvider();
        var users = new UserManager<IdentityUser>(
            _store.Object, Options.Create(new IdentityOptions()), _hasher.Object, [], [], new UpperInvariantLookupNormalizer(),
            new IdentityErrorDescriber(), services, NullLogger<UserManager<IdentityUser>>.Instance);
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Loopback;
        return new ServiceProSignInManager(
            users,
            new HttpContextAccessor { HttpContext = http },
            Mock.Of<IUserClaimsPrincipalFactory<IdentityUser>>(),
            Options.Create(new IdentityOptions()),
            NullLogger<SignInManager<IdentityUser>>.Instance,
            Mock.Of<IAuthenticationSchemeProvider>(),
            new DefaultUserConfirmation<IdentityUser>(),
            guard);
    }
}
