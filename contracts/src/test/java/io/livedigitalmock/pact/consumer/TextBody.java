package io.livedigitalmock.pact.consumer;

import au.com.dius.pact.consumer.dsl.BodyBuilder;
import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.generators.Generators;
import au.com.dius.pact.core.model.matchingrules.MatchingRuleCategory;
import au.com.dius.pact.core.model.matchingrules.RegexMatcher;
import java.nio.charset.StandardCharsets;

/** A {@code text/plain} body matched by a regular expression (Pact's plain-text matcher reads the rule at {@code $}). */
final class TextBody implements BodyBuilder {

  private final String regex;
  private final String example;

  private TextBody(String regex, String example) {
    if (!example.matches(regex)) {
      throw new IllegalArgumentException("example " + example + " does not match " + regex);
    }
    this.regex = regex;
    this.example = example;
  }

  static TextBody matching(String regex, String example) {
    return new TextBody(regex, example);
  }

  @Override
  public MatchingRuleCategory getMatchers() {
    MatchingRuleCategory body = new MatchingRuleCategory("body");
    body.addRule("$", new RegexMatcher(regex, example));
    return body;
  }

  @Override
  public Generators getGenerators() {
    return new Generators();
  }

  @Override
  public ContentType getContentType() {
    return new ContentType("text/plain; charset=utf-8");
  }

  @Override
  public byte[] buildBody() {
    return example.getBytes(StandardCharsets.UTF_8);
  }
}
