using ServicePro.Contracts.Extensibility;

namespace ServicePro.Modules.Requests.Tests;

/// <summary>The page's connection is sized for <see cref="ShellLimits.MaxTextLength"/>: a longer field would break it.</summary>
[TestClass]
public sealed class RequestsLimitsTests
{
    [TestMethod]
    public void TextLimits_WithinTheShellsLimit()
    {
        Assert.IsLessThanOrEqualTo(ShellLimits.MaxTextLength, RequestsConstants.DescriptionMaxLength);
        Assert.IsLessThanOrEqualTo(ShellLimits.MaxTextLength, RequestsConstants.NoteMaxLength);
        Assert.IsLessThanOrEqualTo(ShellLimits.MaxTextLength, RequestsConstants.TitleMaxLength);
        Assert.IsLessThanOrEqualTo(ShellLimits.MaxTextLength, RequestsConstants.RequesterMaxLength);
    }
}
