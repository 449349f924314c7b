using ServicePro.Contracts.Extensibility;
using ServicePro.Host.Shell;

namespace ServicePro.Host.Tests.Shell;

[TestClass]
public sealed class CircuitLimitsTests
{
    [TestMethod]
    public void MaximumReceiveMessageSize_LongestTextBoxOfControlCharacters_Fits()
    {
        // Measured: a change event of N control characters (JSON \u00XX, value sent twice) is 12 N bytes plus ~170.
        const long measured = 12L * ShellLimits.MaxInputLength + 170;
        Assert.IsGreaterThanOrEqualTo(measured, CircuitLimits.MaximumReceiveMessageSize);
        Assert.IsLessThanOrEqualTo(256 * 1024, CircuitLimits.MaximumReceiveMessageSize, "a bounded size: a bigger one only helps a flood");
    }
}
