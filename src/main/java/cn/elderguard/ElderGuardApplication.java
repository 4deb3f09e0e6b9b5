package cn.elderguard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ElderGuardApplication {

    public static void main(String[] args) {
        SpringApplication.run(ElderGuardApplication.class, args);
    }
}
