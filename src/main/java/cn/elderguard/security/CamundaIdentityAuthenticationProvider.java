package cn.elderguard.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks application logins against the engine's identity service, so officers have one account for
 * Tasklist, the engine REST API and ElderGuard's own endpoints. Authorities are the user's group ids.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;

    CamundaIdentityAuthenticationProvider(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || credentials == null || !identityService.checkPassword(userId, credentials.toString())) {
            throw new BadCredentialsException("用户名或密码错误");
        }
        List<SimpleGrantedAuthority> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
            .map(group -> new SimpleGrantedAuthority(group.getId()))
            .toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
