// The one error a deployment compile may throw: the control plane answers it as AWS's
// BadRequestException with this message, and the stage keeps serving its previous snapshot.

export class DeploymentCompileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeploymentCompileError';
  }
}
