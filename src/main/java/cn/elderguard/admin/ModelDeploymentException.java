package cn.elderguard.admin;

/** A model or form file that cannot be deployed; the message names the file and the problem. */
public class ModelDeploymentException extends RuntimeException {

    public ModelDeploymentException(String message, Throwable cause) {
        super(message, cause);
    }

    public ModelDeploymentException(String message) {
        super(message);
    }
}
