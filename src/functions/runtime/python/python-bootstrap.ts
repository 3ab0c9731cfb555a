// Portico's bootstrap for python3.x functions, written to the data dir at start-up and run as
// `python3 -u bootstrap.py`: a Lambda Runtime API client in the manner of awslambdaric (handler
// loading, context, error JSON, log format), so Python runs through the same endpoint as `provided`.

export const PYTHON_BOOTSTRAP_SOURCE = String.raw`# Portico's Python runtime: speaks the Lambda Runtime API at AWS_LAMBDA_RUNTIME_API.
import decimal
import http.client
import importlib
import json
import logging
import os
import sys
import time
import traceback

API_PREFIX = "/2018-06-01/runtime"
HOST, _, PORT = os.environ["AWS_LAMBDA_RUNTIME_API"].rpartition(":")
BOOTSTRAP_FILE = os.path.abspath(__file__)
current_request_id = None


class Fault(Exception):
    def __init__(self, error_type, message, trace=None):
        super().__init__(message)
        self.error_type = error_type
        self.message = message
        self.trace = trace


class RuntimeClient:
    def __init__(self):
        self.connection = http.client.HTTPConnection(HOST, int(PORT))

    def call(self, method, path, body=None, headers=None):
        for attempt in range(2):
            try:
                self.connection.request(method, API_PREFIX + path, body=body, headers=headers or {})
                response = self.connection.getresponse()
                return response, response.read()
            except (http.client.HTTPException, OSError):
                self.connection.close()
                self.connection = http.client.HTTPConnection(HOST, int(PORT))
                if attempt == 1:
                    sys.exit(0)


def decimal_serializer(value):
    if isinstance(value, decimal.Decimal):
        return float(value)
    raise TypeError(repr(value) + " is not JSON serializable")


def to_json(value):
    return json.dumps(value, default=decimal_serializer)


def make_error(message, error_type, stack_trace, request_id):
    return {
        "errorMessage": message if message else "",
        "errorType": error_type if error_type else "",
        "requestId": request_id if request_id is not None else "",
        "stackTrace": stack_trace if stack_trace else [],
    }


def build_fault_result(exc_info, message, request_id):
    error_type, value, tb = exc_info
    frames = traceback.extract_tb(tb)
    while frames and frames[0].filename == BOOTSTRAP_FILE:
        frames = frames[1:]
    return make_error(message if message else str(value), error_type.__name__, traceback.format_list(frames), request_id)


def log_error(error):
    description = "[ERROR]"
    if error.get("errorType"):
        description += " " + error["errorType"]
    if error.get("errorMessage"):
        if error.get("errorType"):
            description += ":"
        description += " " + error["errorMessage"]
    lines = [description]
    if error.get("stackTrace") is not None:
        lines.append("Traceback (most recent call last):")
        for element in error["stackTrace"]:
            lines.extend(element.splitlines() if element else [""])
    sys.stdout.write("\n".join(lines) + "\n")


class LambdaLoggerHandler(logging.Handler):
    def emit(self, record):
        record.aws_request_id = current_request_id
        sys.stdout.write(self.format(record))


def install_logging():
    logging.Formatter.converter = time.gmtime
    handler = LambdaLoggerHandler()
    handler.setFormatter(
        logging.Formatter("[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s\n", "%Y-%m-%dT%H:%M:%S")
    )
    logging.getLogger().addHandler(handler)


class LambdaContext:
    def __init__(self, request_id, deadline_ms, invoked_function_arn, client_context):
        self.aws_request_id = request_id
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.invoked_function_arn = invoked_function_arn
        self.client_context = json.loads(client_context) if client_context else None
        self.identity = None
        self._deadline_ms = deadline_ms

    def get_remaining_time_in_millis(self):
        remaining = self._deadline_ms - int(time.time() * 1000)
        return remaining if remaining > 0 else 0

    def log(self, message):
        sys.stdout.write(str(message))


def load_handler(handler):
    try:
        module_name, function_name = handler.rsplit(".", 1)
    except ValueError as error:
        raise Fault("Runtime.MalformedHandlerName", "Bad handler '%s': %s" % (handler, error))
    if module_name.split(".")[0] in sys.builtin_module_names:
        raise Fault("Runtime.BuiltInModuleConflict", "Cannot use built-in module %s as a handler module" % module_name)
    try:
        module = importlib.import_module(module_name.replace("/", "."))
    except ImportError as error:
        raise Fault("Runtime.ImportModuleError", "Unable to import module '%s': %s" % (module_name, error))
    except SyntaxError as error:
        trace = ['  File "%s" Line %s\n    %s' % (error.filename, error.lineno, error.text)]
        raise Fault("Runtime.UserCodeSyntaxError", "Syntax error in module '%s': %s" % (module_name, error), trace)
    function = getattr(module, function_name, None)
    if function is None:
        fault = Fault("Runtime.HandlerNotFound", "Handler '%s' missing on module '%s'" % (function_name, module_name))

        def missing(event, context):
            raise fault

        return missing
    return function


def post_error(client, path, error):
    body = to_json(error).encode("utf-8")
    headers = {"Content-Type": "application/json", "Lambda-Runtime-Function-Error-Type": error["errorType"]}
    client.call("POST", path, body, headers)


def handle(client, handler, response, body):
    global current_request_id
    request_id = response.getheader("Lambda-Runtime-Aws-Request-Id")
    current_request_id = request_id
    trace_id = response.getheader("Lambda-Runtime-Trace-Id")
    if trace_id:
        os.environ["_X_AMZN_TRACE_ID"] = trace_id
    else:
        os.environ.pop("_X_AMZN_TRACE_ID", None)
    context = LambdaContext(
        request_id,
        int(response.getheader("Lambda-Runtime-Deadline-Ms")),
        response.getheader("Lambda-Runtime-Invoked-Function-Arn"),
        response.getheader("Lambda-Runtime-Client-Context"),
    )
    try:
        result = handler(json.loads(body), context)
        try:
            payload = to_json(result).encode("utf-8")
        except Exception:
            error = build_fault_result(sys.exc_info(), "Unable to marshal response: %s" % sys.exc_info()[1], request_id)
            error["errorType"] = "Runtime.MarshalError"
            raise Fault(error["errorType"], error["errorMessage"], error["stackTrace"])
    except Fault as fault:
        error = make_error(fault.message, fault.error_type, fault.trace, request_id)
        log_error(error)
        post_error(client, "/invocation/%s/error" % request_id, error)
        return
    except Exception:
        error = build_fault_result(sys.exc_info(), None, request_id)
        log_error(error)
        post_error(client, "/invocation/%s/error" % request_id, error)
        return
    client.call("POST", "/invocation/%s/response" % request_id, payload, {"Content-Type": "application/json"})


def main():
    sys.path.insert(0, os.environ.get("LAMBDA_TASK_ROOT", os.getcwd()))
    install_logging()
    client = RuntimeClient()
    try:
        handler = load_handler(os.environ["_HANDLER"])
    except Fault as fault:
        error = make_error(fault.message, fault.error_type, fault.trace, None)
        log_error(error)
        post_error(client, "/init/error", error)
        sys.exit(1)
    except Exception:
        error = build_fault_result(sys.exc_info(), None, None)
        log_error(error)
        post_error(client, "/init/error", error)
        sys.exit(1)
    while True:
        response, body = client.call("GET", "/invocation/next")
        handle(client, handler, response, body)


if __name__ == "__main__":
    main()
`;
