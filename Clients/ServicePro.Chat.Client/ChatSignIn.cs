using System.Net;
using System.Net.Http.Json;
using ServicePro.Chat.Protocol;

namespace ServicePro.Chat.Client;

/// <summary>
/// A bearer token for <see cref="ChatClientOptions.AccessTokenProvider"/>: signs in once through
/// <c>POST /account/token</c>, then hands out that token until it is close to expiring and gets a new one through
/// <c>POST /account/refresh</c> (signing in again only if the refresh is refused). The hub closes a connection when
/// its token expires; the client's reconnect then asks for a token, and gets a fresh one.
/// </summary>
public sealed class ChatSignIn : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _userName;
    private readonly string _password;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Token? _token;

    /// <param name="baseAddress">The host, e.g. <c>http://localhost:5000/</c>.</param>
    /// <param name="userName">Who signs in.</param>
    /// <param name="password">Their password, kept to sign in again when a refresh is refused.</param>
    /// <param name="handler">The HTTP handler to use (a proxy, a test's recorder); the default one if null.</param>
    /// <param name="timeProvider">The clock that tells when a token is due for renewal.</param>
    public ChatSignIn(Uri baseAddress, string userName, string password, HttpMessageHandler? handler = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.BaseAddress = baseAddress;
        _userName = userName;
        _password = password;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// A token valid for a while yet. A refused sign-in throws <see cref="HttpRequestException"/> with status 401, which
    /// the client does not retry.
    /// </summary>
    public async Task<string?> GetAccessTokenAsync()
    {
        await _gate.WaitAsync();
        try
        {
            var now = _time.GetUtcNow();
            if (_token is { } token && now < token.RenewAt)
            {
                return token.AccessToken;
            }

            _token = _token is null ? await SignInAsync(now) : await RefreshAsync(_token, now) ?? await SignInAsync(now);
            return _token.AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _gate.Dispose();
    }

    private async Task<Token> SignInAsync(DateTimeOffset now)
    {
        using var response = await _http.PostAsJsonAsync(ChatProtocol.TokenRoute.TrimStart('/'), new { userName = _userName, password = _password });
        response.EnsureSuccessStatusCode();
        return await ReadAsync(response, now);
    }

    /// <returns>Null if the refresh token is not accepted any more (expired, or the user changed password).</returns>
    private async Task<Token?> RefreshAsync(Token token, DateTimeOffset now)
    {
        using var response = await _http.PostAsJsonAsync(ChatProtocol.RefreshRoute.TrimStart('/'), new { refreshToken = token.RefreshToken });
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await ReadAsync(response, now);
    }

    /// <summary>Renewed when a fifth of its life is left (at most a minute before it expires).</summary>
    private static async Task<Token> ReadAsync(HttpResponseMessage response, DateTimeOffset now)
    {
        var answer = await response.Content.ReadFromJsonAsync<TokenAnswer>()
            ?? throw new HttpRequestException("The sign-in answer was empty.");
        var lifetime = TimeSpan.FromSeconds(answer.ExpiresIn);
        var margin = lifetime / 5 < TimeSpan.FromMinutes(1) ? lifetime / 5 : TimeSpan.FromMinutes(1);
        return new Token(answer.AccessToken, answer.RefreshToken, now + lifetime - margin);
    }

    private sealed record Token(string AccessToken, string RefreshToken, DateTimeOffset RenewAt);

    /// <summary>The host's token answer: <c>{ tokenType, accessToken, expiresIn, refreshToken }</c>.</summary>
    private sealed record TokenAnswer(string AccessToken, long ExpiresIn, string RefreshToken);
}
