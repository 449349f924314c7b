using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using ServicePro.Contracts.Extensibility;
using ServicePro.Contracts.Requests;

namespace ServicePro.Host.Tests.Support;

/// <summary>Contributions as two different modules would make them.</summary>
public static class TestContributors
{
    public static List<MenuItemSelection> Selections { get; } = [];

    public sealed class ChatSocialItems : IMenuContributor
    {
        public Task ConfigureMenuAsync(MenuContext context, CancellationToken cancellationToken)
        {
            if (context.MenuName == StandardMenus.Social)
            {
                context.Add(new MenuItem("chat", "Chat", "Chat", 10)
                {
                    OnSelected = selection =>
                    {
                        lock (Selections)
                        {
                            Selections.Add(selection);
                        }

                        return Task.CompletedTask;
                    },
                });
            }

            return Task.CompletedTask;
        }
    }

    public sealed class ShareSocialItems : IMenuContributor
    {
        public Task ConfigureMenuAsync(MenuContext context, CancellationToken cancellationToken)
        {
            if (context.MenuName == StandardMenus.Social)
            {
                context.Add(new MenuItem("share", "E-mail a colleague", "Mail", 5) { Href = $"mailto:?subject={(context.Subject as RequestReference)?.Number}" });
            }
            else if (context.MenuName == StandardMenus.Navigation)
            {
                context.Add(new MenuItem("share", "Shared", "Share", 50) { Href = "shared" });
            }

            return Task.CompletedTask;
        }
    }

    public sealed class BrokenSocialItem : IMenuContributor
    {
        public Task ConfigureMenuAsync(MenuContext context, CancellationToken cancellationToken)
        {
            if (context.MenuName == StandardMenus.Social)
            {
                context.Add(new MenuItem("broken", "Broken", null, 1) { OnSelected = _ => throw new InvalidOperationException("the mail server is down") });
            }

            return Task.CompletedTask;
        }
    }

    public sealed class RequestsTile : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddMarkupContent(0, "<p class=\"requests-tile\">3 open requests</p>");
    }

    public sealed class ChatTile : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddMarkupContent(0, "<p class=\"chat-tile\">2 reps online</p>");
    }
}
