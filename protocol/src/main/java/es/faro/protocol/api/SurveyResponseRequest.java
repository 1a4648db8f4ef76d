package es.faro.protocol.api;

/** A survey answered through its link: {@code POST /api/v1/surveys/{token}/response}. */
public record SurveyResponseRequest(Integer rating, String comment) {
}
