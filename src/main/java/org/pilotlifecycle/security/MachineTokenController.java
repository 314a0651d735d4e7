package org.pilotlifecycle.security;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.pilotlifecycle.web.InvalidFieldsException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Administrators issue, list and revoke machine tokens ({@code camunda-admin} only, see {@link SecurityConfiguration}). */
@RestController
@Validated
@Tag(name = "Machine tokens", description = "Bearer tokens for service accounts, with scopes; administrators only")
class MachineTokenController {

  static final String SERVICE_ACCOUNT = "^[a-z0-9][a-z0-9._-]{1,63}$";
  static final String TEXT = "^[^\\p{Cc}\\p{Cs}\\p{Cn}]*$";

  /**
   * @param serviceAccount who uses the token (lower case letters, digits, dot, dash, underscore)
   * @param scopes what it may do: {@code signals.send}, {@code portfolio.read}
   * @param validForDays 1 to the configured maximum (366 by default); default 90
   * @param description what it is for (optional)
   */
  record IssueRequest(
      @NotBlank @Size(max = 64) @Pattern(regexp = SERVICE_ACCOUNT, message = "must be 2-64 lower-case letters, digits, '.', '-' or '_'")
      String serviceAccount,
      @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 64) String> scopes,
      // A number of whole days: a decimal would otherwise be cut to an integer silently.
      @Min(1) @Max(3660) @jakarta.validation.constraints.Digits(integer = 4, fraction = 0, message = "must be a whole number of days")
      java.math.BigDecimal validForDays,
      @Size(max = 500) @Pattern(regexp = TEXT, message = "must not contain control characters") String description) {
  }

  record TokenView(String id, String serviceAccount, List<String> scopes, String description, String issuedBy,
      Instant issuedAt, Instant expiresAt, String revokedBy, Instant revokedAt, String state) {

    static TokenView of(MachineToken token, Instant now) {
      String state = token.getRevokedAt() != null ? "REVOKED" : token.liveAt(now) ? "ACTIVE" : "EXPIRED";
      return new TokenView(token.getId(), token.getServiceAccount(),
          token.getScopes().stream().map(MachineScope::value).toList(), token.getDescription(), token.getIssuedBy(),
          token.getIssuedAt(), token.getExpiresAt(), token.getRevokedBy(), token.getRevokedAt(), state);
    }
  }

  /** The token itself is in this answer only: it is not stored. */
  record IssuedView(String id, String serviceAccount, List<String> scopes, Instant issuedAt, Instant expiresAt,
      String tokenType, String token) {
  }

  private final MachineTokens tokens;
  private final MachineTokenProperties properties;

  MachineTokenController(MachineTokens tokens, MachineTokenProperties properties) {
    this.tokens = tokens;
    this.properties = properties;
  }

  @PostMapping("/api/machine-tokens")
  @Operation(summary = "Issue a machine token to a service account with scopes; the token is shown in this answer only")
  ResponseEntity<IssuedView> issue(@RequestBody @Validated IssueRequest request, Authentication caller) {
    Set<MachineScope> scopes = EnumSet.noneOf(MachineScope.class);
    for (String scope : request.scopes()) {
      scopes.add(MachineScope.ofValue(scope.strip()).orElseThrow(() -> InvalidFieldsException.of("scopes",
          "choose from " + String.join(", ", java.util.Arrays.stream(MachineScope.values()).map(MachineScope::value).toList()))));
    }
    Duration validFor = Duration.ofDays(request.validForDays() == null ? 90 : request.validForDays().longValueExact());
    if (validFor.compareTo(properties.maxValidity()) > 0) {
      throw InvalidFieldsException.of("validForDays", "at most " + properties.maxValidity().toDays() + " days");
    }
    String description = request.description() == null || request.description().isBlank() ? null
        : request.description().strip();
    MachineTokens.Issued issued = tokens.issue(request.serviceAccount(), scopes, validFor, description, caller.getName());
    MachineToken row = issued.row();
    return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(row.getId()))
        .header("Cache-Control", "no-store")
        .body(new IssuedView(row.getId(), row.getServiceAccount(), row.getScopes().stream().map(MachineScope::value).toList(),
            row.getIssuedAt(), row.getExpiresAt(), "Bearer", issued.token()));
  }

  @GetMapping("/api/machine-tokens")
  @Operation(summary = "The machine tokens issued, newest first, without the tokens themselves")
  List<TokenView> list() {
    Instant now = Instant.now();
    return tokens.all().stream().map(token -> TokenView.of(token, now)).toList();
  }

  @DeleteMapping("/api/machine-tokens/{id}")
  @Operation(summary = "Revoke a machine token: refused from the next request on, on every node")
  ResponseEntity<Void> revoke(@PathVariable String id, Authentication caller) {
    tokens.revoke(id, caller.getName());
    return ResponseEntity.noContent().build();
  }
}
