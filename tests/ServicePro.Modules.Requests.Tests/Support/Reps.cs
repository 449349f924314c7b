using System.Security.Claims;
using ServicePro.Contracts.Security;

namespace ServicePro.Modules.Requests.Tests.Support;

/// <summary>Signed-in users as the shell's authentication state gives them.</summary>
public static class Reps
{
    public static ClaimsPrincipal Alice { get; } = Rep("alice");

    public static ClaimsPrincipal Bob { get; } = Rep("bob");

    /// <summary>Rep and Privileged, like the demo account.</summary>
    public static ClaimsPrincipal Carol { get; } = Rep("carol", ServiceProRoles.Privileged);

    public static ClaimsPrincipal Anonymous { get; } = new(new ClaimsIdentity());

    public static ClaimsPrincipal Rep(string name, params string[] roles)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(ClaimTypes.Role, ServiceProRoles.Rep) };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
    }
}
