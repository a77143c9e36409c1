
namespace CommunityService.Web.Shared.Mvc;

/// <summary>A one-button action that was refused: the reason in words, and the way back (the home page when null).</summary>
public sealed record Refusal(string Message, string? BackUrl);
