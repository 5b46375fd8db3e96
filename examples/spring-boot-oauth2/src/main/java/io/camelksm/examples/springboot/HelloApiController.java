package io.camelksm.examples.springboot;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The "remote" API: only a valid access token of this application's token endpoint with scope hello.read gets in. */
@RestController
public class HelloApiController {

    @GetMapping("/api/hello")
    public String hello(@AuthenticationPrincipal Jwt token) {
        return "Hello " + token.getSubject() + ", your token has the scopes " + token.getClaimAsStringList("scope");
    }
}
