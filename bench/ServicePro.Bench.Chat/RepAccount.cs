namespace ServicePro.Bench.Chat;

/// <summary>A bench rep and the bearer token it got from its own host.</summary>
public sealed record RepAccount(string UserName, string AccessToken);
